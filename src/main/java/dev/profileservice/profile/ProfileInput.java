package dev.profileservice.profile;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.profileservice.api.Constraints;
import dev.profileservice.api.Emails;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.StoredAs;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The writable fields of a profile: the whitelist. Anything else in a request body
 * ({@code userId}, {@code version}, {@code internalNotes}, ...) is an unknown property and
 * gets a 400. {@code ssn} is write-only: it is stored, and only its last four digits come back.
 */
@RegisterForReflection
public record ProfileInput(
        @StoredAs("display_name") @NotBlank(groups = Replace.class) @Size(max = 100) @Pattern(regexp = Constraints.TEXT) String displayName,
        @StoredAs("avatar_url") @Size(max = 2048) @Pattern(regexp = "https://[^\\s\\p{Cntrl}]+", message = "must be an https URL") String avatarUrl,
        @StoredAs(Attributes.EMAIL) @Size(max = 254) @Email @Pattern(regexp = Constraints.TEXT) String email,
        @StoredAs(Attributes.PHONE) @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +14155552671") String phone,
        @StoredAs("locale") @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}", message = "must be a BCP 47 language tag") String locale,
        @StoredAs("preferences") @Size(max = 32) Map<@Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String, @NotNull @Size(max = 256) @Pattern(regexp = Constraints.TEXT) String> preferences,
        @StoredAs(Attributes.SSN) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Pattern(regexp = "[0-9]{3}-?[0-9]{2}-?[0-9]{4}", message = "must be 9 digits, as 123-45-6789") String ssn) {

    /** The names of the writable fields, as a request body spells them. */
    public static final Set<String> FIELDS = Arrays.stream(ProfileInput.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    /** Fields a merge patch may not remove. */
    public static final Set<String> REQUIRED = Set.of("displayName");

    /** Validation group of a full replace (PUT): required fields must be present. */
    public interface Replace extends Default {
    }

    /** The same values as stored: email trimmed and lower-cased (as its blind index normalises it), SSN reduced to its digits. */
    public ProfileInput normalized() {
        String digits = ssn == null ? null : ssn.replace("-", "");
        return new ProfileInput(displayName, avatarUrl, Emails.normalized(email), phone, locale, preferences, digits);
    }

    /** The last four digits of the SSN, the only part of it that is ever read back. */
    public String ssnLast4() {
        if (ssn == null) {
            return null;
        }
        String digits = ssn.replace("-", "");
        return digits.substring(digits.length() - 4);
    }
}
