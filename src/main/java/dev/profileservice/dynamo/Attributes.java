package dev.profileservice.dynamo;

/**
 * Attribute names that are not record components of any view, in one place.
 * Attributes that views expose are named on the records themselves with {@link StoredAs}.
 */
public final class Attributes {

    public static final String USER_ID = "user_id";
    public static final String SORT_KEY = "sk";
    public static final String PROFILE_SORT_KEY = "PROFILE";
    public static final String ADDRESS_PREFIX = "ADDRESS#";
    public static final String EMAIL = "email";
    public static final String SSN = "ssn";
    public static final String SSN_LAST4 = "ssn_last4";
    public static final String VERSION = "version";
    public static final String CREATED_AT = "created_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String EMAIL_INDEX = "email-index";

    /** Attributes that no projection may ever name: they never leave the table through this service. */
    public static final java.util.Set<String> NEVER_READ = java.util.Set.of("password_hash", SSN);

    private Attributes() {
    }
}
