package dev.profileservice.logging;

/**
 * Builds the masked copy of a text from left-to-right replacements. Nothing is copied until the first
 * replacement, so text without secrets, the common case, costs no allocation and comes back as the same instance.
 */
final class Splice {

    private final String text;
    private StringBuilder out;
    private int copied;

    Splice(String text) {
        this.text = text;
    }

    /** Replaces {@code [start, end)}; calls must come in increasing, non-overlapping order. */
    void replace(int start, int end, String replacement) {
        if (out == null) {
            out = new StringBuilder(text.length() + 256); // room for placeholders longer than what they replace
        }
        out.append(text, copied, start).append(replacement);
        copied = end;
    }

    String result() {
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
