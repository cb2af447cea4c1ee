package dev.profileservice.api;

/** Validation patterns shared by request records. */
public final class Constraints {

    /**
     * Printable text: no control characters, which would otherwise reach logs and other clients, and no unpaired
     * surrogate (a JSON string can hold one as an escape), which UTF-8 cannot carry: an encrypted field would store
     * it as {@code ?}. A surrogate pair (an emoji) is one code point and passes.
     */
    public static final String TEXT = "[^\\p{Cntrl}\\p{Cs}]*";

    private Constraints() {
    }
}
