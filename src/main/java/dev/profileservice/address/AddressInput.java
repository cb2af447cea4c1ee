package dev.profileservice.address;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.profileservice.api.Constraints;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.StoredAs;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The writable fields of a new address; the id is assigned by the service. */
@RegisterForReflection
public record AddressInput(
        @StoredAs("label") @Size(max = 50) @Pattern(regexp = Constraints.TEXT) String label,
        @StoredAs(Attributes.LINE1) @NotBlank @Size(max = 200) @Pattern(regexp = Constraints.TEXT) String line1,
        @StoredAs(Attributes.LINE2) @Size(max = 200) @Pattern(regexp = Constraints.TEXT) String line2,
        @StoredAs("city") @NotBlank @Size(max = 100) @Pattern(regexp = Constraints.TEXT) String city,
        @StoredAs(Attributes.POSTAL_CODE) @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]+") String postalCode,
        @StoredAs("country") @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {

}
