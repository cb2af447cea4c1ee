package dev.profileservice.api;

/** Validation patterns shared by request records. */
public final class Constraints {

    /** Printable text: no control characters, which would otherwise reach logs and other clients. */
    public static final String TEXT = "[^\\p{Cntrl}]*";

    private Constraints() {
    }
}
