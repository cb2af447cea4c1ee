package dev.profileservice.logging;

import java.util.function.IntPredicate;
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
        return text -> longestDigitRun(text) >= min;
    }

    /** Text holding {@code length} consecutive characters that all satisfy {@code member}. */
    static Predicate<String> run(int length, IntPredicate member) {
        return text -> {
            int run = 0;
            for (int i = 0; i < text.length() && run < length; i++) {
                run = member.test(text.charAt(i)) ? run + 1 : 0;
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
     * Digits joined by up to two of {@code " -.()"}. A run with letters on both sides is part of a word or a hex
     * id (the {@code 64-5717-4562} inside a UUID) and does not count: UUIDs are in most lines of this service.
     */
    static int longestDigitRun(String text) {
        int longest = 0;
        int digits = 0;
        int separators = 0;
        boolean afterLetter = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            if (c >= '0' && c <= '9') {
                afterLetter = digits == 0 ? i > 0 && Character.isLetter(text.charAt(i - 1)) : afterLetter;
                digits++;
                separators = 0;
            } else if (digits > 0 && separators < 2 && DIGIT_SEPARATORS.indexOf(c) >= 0) {
                separators++;
            } else {
                if (!(afterLetter && Character.isLetter(c))) {
                    longest = Math.max(longest, digits);
                }
                digits = 0;
                separators = 0;
            }
        }
        return longest;
    }
}
