package dev.profileservice.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks email addresses. It starts from each {@code @} and reads the local part backwards, instead of letting a
 * regex try every word of the text as a possible local part: that was the most expensive rule on long messages.
 */
final class EmailRule implements MaskRule {

    private static final int MAX_LOCAL_PART = 64;
    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9-]{1,63}+\\.)+[A-Za-z]{2,24}+(?![A-Za-z])");

    @Override
    public String apply(String text) {
        Splice masked = new Splice(text);
        Matcher domain = null;
        int done = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, done))) {
            int start = at;
            while (start > done && at - start <= MAX_LOCAL_PART && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            if (start == at || at - start > MAX_LOCAL_PART) {
                continue;
            }
            domain = domain == null ? DOMAIN.matcher(text) : domain;
            if (domain.region(at + 1, text.length()).lookingAt()) {
                masked.replace(start, domain.end(), MaskRule.placeholder("email"));
                done = domain.end();
            }
        }
        return masked.result();
    }

    private static boolean isLocalPartChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".%+-_".indexOf(c) >= 0;
    }
}
