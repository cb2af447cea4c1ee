package dev.profileservice.logging;

import java.util.function.Predicate;

/**
 * Single-pass checks that let a rule skip its regex on text that cannot match. A regex costs tens of nanoseconds
 * per character even when it finds nothing; these checks cost about one, and most log lines fail them.
 */
final class TextShape {

    private static final String DIGIT_SEPARATORS = " -.()";

    private TextShape() {
    }

    /** Text holding at least {@code min} digits in a row, where up to two of {@code " -.()"} may sit between two. */
    static Predicate<String> digitRun(int min) {
        return text -> longestDigitRun(text, min) >= min;
    }

    /** Text holding {@code length} consecutive characters, all of them ASCII characters of {@code chars}. */
    static Predicate<String> run(int length, String chars) {
        boolean[] member = new boolean[128];
        chars.chars().forEach(c -> member[c] = true);
        return text -> {
            int run = 0;
            for (int i = 0; i < text.length() && run < length; i++) {
                char c = text.charAt(i);
                run = c < 128 && member[c] ? run + 1 : 0;
            }
            return run >= length;
        };
    }

    static Predicate<String> containsAny(String... needles) {
        return text -> {
            for (String needle : needles) {
                if (text.contains(needle)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Digits joined by up to two of {@code " -.()"}. A run glued to letters on both sides, directly or through one
     * {@code -}, is part of a word or a hex id (the {@code 64-5717-4562} inside a UUID) and does not count: UUIDs
     * are in most lines of this service, and they would otherwise wake the card, SSN and phone regexes.
     */
    static int longestDigitRun(String text) {
        return longestDigitRun(text, Integer.MAX_VALUE);
    }

    /** As {@link #longestDigitRun(String)}, but stops at the first run of {@code enough} digits. */
    static int longestDigitRun(String text, int enough) {
        int longest = 0;
        int digits = 0;
        int first = -1;
        int last = -1;
        int separators = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            if (c >= '0' && c <= '9') {
                first = digits++ == 0 ? i : first;
                last = i;
                separators = 0;
            } else if (digits > 0 && separators < 2 && DIGIT_SEPARATORS.indexOf(c) >= 0) {
                separators++;
            } else if (digits > 0) {
                if (!(wordAt(text, first - 1, -1) && wordAt(text, last + 1, 1))) {
                    longest = Math.max(longest, digits);
                    if (longest >= enough) {
                        return longest;
                    }
                }
                digits = 0;
                separators = 0;
            }
        }
        return longest;
    }

    /** A letter at {@code i}, or a {@code -} there with a letter one step further in {@code direction}. */
    private static boolean wordAt(String text, int i, int direction) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        int next = i + direction;
        return Character.isLetter(c)
                || (c == '-' && next >= 0 && next < text.length() && Character.isLetter(text.charAt(next)));
    }
}
