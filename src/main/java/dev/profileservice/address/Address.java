package dev.profileservice.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.StoredAs;
import dev.profileservice.profile.ProfileViews;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An address as the API serves it; only its owner ever sees one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
        @JsonView(ProfileViews.Owner.class) @StoredAs(value = Attributes.SORT_KEY, keyPrefix = Attributes.ADDRESS_PREFIX) String id,
        @JsonView(ProfileViews.Owner.class) @StoredAs("label") String label,
        @JsonView(ProfileViews.Owner.class) @StoredAs(Attributes.LINE1) String line1,
        @JsonView(ProfileViews.Owner.class) @StoredAs(Attributes.LINE2) String line2,
        @JsonView(ProfileViews.Owner.class) @StoredAs("city") String city,
        @JsonView(ProfileViews.Owner.class) @StoredAs(Attributes.POSTAL_CODE) String postalCode,
        @JsonView(ProfileViews.Owner.class) @StoredAs("country") String country) {
}
