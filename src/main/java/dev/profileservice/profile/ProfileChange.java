package dev.profileservice.profile;

import java.util.HashSet;
import java.util.Set;

/**
 * One write of a profile: the values, and which fields the request names. A named field that
 * is null is removed; a field not named is left as stored.
 */
public record ProfileChange(ProfileInput input, Set<String> present) {

    public ProfileChange {
        present = Set.copyOf(present);
    }

    /** A full replace (PUT) names every field, except an omitted {@code ssn}: the stored one is kept. */
    public static ProfileChange replacing(ProfileInput input) {
        Set<String> present = new HashSet<>(ProfileInput.FIELDS);
        if (input.ssn() == null) {
            present.remove("ssn");
        }
        return new ProfileChange(input, present);
    }
}
