package dev.profileservice.logging;

/** One masking rule: returns the input itself when it has nothing to mask, so callers can skip copies. */
@FunctionalInterface
interface MaskRule {

    String apply(String text);

    /** The one masked form every rule emits: stable and greppable, and it reveals nothing about the value. */
    static String placeholder(String kind) {
        return "[REDACTED:" + kind + "]";
    }
}
