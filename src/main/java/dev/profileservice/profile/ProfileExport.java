package dev.profileservice.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.address.Address;
import dev.profileservice.address.AddressService;
import dev.profileservice.api.Views;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The data-subject export: the owner's profile as the owner sees it, and every address. {@code addressesTruncated} is
 * there, and true, only when the partition holds more addresses than one answer may ({@link AddressService#EXPORT_CEILING}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileExport(
        @JsonView(Views.Owner.class) Profile profile,
        @JsonView(Views.Owner.class) List<Address> addresses,
        @JsonView(Views.Owner.class) Boolean addressesTruncated) {

    /** From up to {@code EXPORT_CEILING + 1} addresses read: one more than the ceiling means there are more. */
    public static ProfileExport of(Profile profile, List<Address> read) {
        return read.size() > AddressService.EXPORT_CEILING
                ? new ProfileExport(profile, read.subList(0, AddressService.EXPORT_CEILING), true)
                : new ProfileExport(profile, read, null);
    }
}
