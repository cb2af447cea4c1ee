package dev.profileservice.dynamo;

import java.util.Set;

/**
 * Attribute names that are not record components of any view, in one place.
 * Attributes that views expose are named on the records themselves with {@link StoredAs}.
 */
public final class Attributes {

    public static final String USER_ID = "user_id";
    public static final String SORT_KEY = "sk";
    public static final String PROFILE_SORT_KEY = "PROFILE";
    public static final String ADDRESS_PREFIX = "ADDRESS#";
    /** On the profile item: the ids of the owner's addresses, a set moved by conditional updates (the cap's gate). */
    public static final String ADDRESS_SLOTS = "address_slots";
    public static final String EMAIL = "email";
    /** Blind index of the normalised email: the key of {@link #EMAIL_INDEX}, so no plaintext email is an index key. */
    public static final String EMAIL_HMAC = "email_hmac";
    public static final String PHONE = "phone";
    public static final String LINE1 = "line1";
    public static final String LINE2 = "line2";
    public static final String POSTAL_CODE = "postal_code";
    public static final String SSN = "ssn";
    public static final String SSN_LAST4 = "ssn_last4";
    public static final String VERSION = "version";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String EMAIL_INDEX = "email-index";

    /** Attributes that no projection may ever name: they never leave the table through this service. */
    public static final Set<String> NEVER_READ = Set.of("password_hash", SSN);

    /**
     * PII stored as AEAD ciphertext (Binary), bound to its item and attribute. {@link #SSN_LAST4}
     * stays plaintext: it is the owner-visible derived value.
     */
    public static final Set<String> ENCRYPTED = Set.of(SSN, EMAIL, PHONE, LINE1, LINE2, POSTAL_CODE);

    private Attributes() {
    }
}
