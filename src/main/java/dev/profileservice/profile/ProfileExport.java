package dev.profileservice.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.address.Address;
import dev.profileservice.api.Views;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The data-subject export: the owner's profile as the owner sees it, and every address. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileExport(
        @JsonView(Views.Owner.class) Profile profile,
        @JsonView(Views.Owner.class) List<Address> addresses) {
}
