package dev.profileservice.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonView;

import dev.profileservice.api.Views;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.StoredAs;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An address as the API serves it; only its owner ever sees one. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(
        @JsonView(Views.Owner.class) @StoredAs(value = Attributes.SORT_KEY, keyPrefix = Attributes.ADDRESS_PREFIX) String id,
        @JsonView(Views.Owner.class) @StoredAs("label") String label,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.LINE1) String line1,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.LINE2) String line2,
        @JsonView(Views.Owner.class) @StoredAs("city") String city,
        @JsonView(Views.Owner.class) @StoredAs(Attributes.POSTAL_CODE) String postalCode,
        @JsonView(Views.Owner.class) @StoredAs("country") String country) {
}
