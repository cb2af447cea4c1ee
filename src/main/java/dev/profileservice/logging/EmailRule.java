package dev.profileservice.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks email addresses. It starts from each {@code @} and reads the local part backwards, instead of letting a
 * regex try every word of the text as a possible local part: that was the most expensive rule on long messages.
 */
final class EmailRule implements MaskRule {

    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9-]{1,63}+\\.)+[A-Za-z]{2,24}+(?![A-Za-z])");

    @Override
    public String apply(String text) {
        Splice masked = new Splice(text);
        Matcher domain = null;
        int done = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, done))) {
            int start = at;
            while (start > done && isLocalPartChar(text.charAt(start - 1))) {
                start--;
            }
            // a quote or bar before the address ('alice@example.org') is the text's, not the address's
            while (start < at && "'`|".indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            if (start == at) {
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

    /**
     * RFC 5322's atext and the dot, less the characters that mostly separate a key or a URL from what follows
     * ({@code = ? & /}) and braces: {@code email=a@b.org} keeps its key. A local part is read to its first character,
     * however long: each character is read back from one {@code @} only, so the scan stays linear.
     */
    private static boolean isLocalPartChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".%+-_!#$'*^`|~".indexOf(c) >= 0;
    }
}
