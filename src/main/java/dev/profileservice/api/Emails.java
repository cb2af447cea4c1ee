package dev.profileservice.api;

import java.util.Locale;

/** The one normalisation of an email: what is stored, and what its blind index is computed from. */
public final class Emails {

    private Emails() {
    }

    /** Trimmed and lower-cased; null stays null. */
    public static String normalized(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
