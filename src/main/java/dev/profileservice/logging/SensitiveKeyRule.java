package dev.profileservice.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the value of every {@code key=value}, {@code key: value} and JSON {@code "key":"value"} pair whose key
 * {@link SensitiveKeys} marks as secret. It visits only the {@code =} and {@code :} characters, reads the key
 * backwards from there, and parses the value with an anchored regex: cost follows the number of separators, not
 * the length of the text. Values of harmless keys are searched too, so {@code url=https://x/?token=abc} is caught.
 */
final class SensitiveKeyRule implements MaskRule {

    private static final int MAX_KEY_LENGTH = 64;

    private static final Pattern VALUE = Pattern.compile("[ \\t]*+(?<value>"
            + "\\\\\"[^\\\\]*+(?:\\\\(?!\")[^\\\\]*+)*+(?:\\\\\")?"   // \"escaped\" string inside a JSON string
            + "|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"?"                 // JSON string; unterminated runs to the end
            + "|'[^']*+'?"
            + "|\\{[^{}]*+\\}?|\\[[^\\[\\]]*+\\]?"                 // a whole object or array held by a secret key
            + "|(?:(?i:bearer|basic|digest|negotiate|token)[ \\t]++)?[^\\s,;&\"'<>{}\\[\\]()]++"
            + ")");

    private final SensitiveKeys keys;

    SensitiveKeyRule(SensitiveKeys keys) {
        this.keys = keys;
    }

    @Override
    public String apply(String text) {
        Splice masked = new Splice(text);
        Matcher value = null;
        int from = 0;
        int equals = text.indexOf('=');
        int colon = text.indexOf(':');
        while (true) {
            // indexOf (SIMD) finds the next '=' and ':'; each is looked for again only once passed
            equals = equals >= 0 && equals < from ? text.indexOf('=', from) : equals;
            colon = colon >= 0 && colon < from ? text.indexOf(':', from) : colon;
            int sep = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (sep < 0) {
                break;
            }
            from = sep + 1;
            String key = keyBefore(text, sep);
            String kind = key == null ? null : keys.kindOf(key);
            if (kind == null) {
                continue;
            }
            value = value == null ? VALUE.matcher(text) : value;
            if (!value.region(sep + 1, text.length()).lookingAt()) {
                continue;
            }
            int start = value.start("value");
            String quote = openingQuote(text, start);
            int end = "cookie".equals(kind) && quote.isEmpty() ? cookieEnd(text, value.end()) : value.end();
            masked.replace(start, end, quote + MaskRule.placeholder(kind) + quote);
            from = end;
        }
        return masked.result();
    }

    /**
     * The key right before a separator: spaces, an optional (escaped) closing quote, then key characters; null
     * when there is none or it cannot name a secret.
     */
    private String keyBefore(String text, int sep) {
        int end = sep;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && (text.charAt(end - 1) == '"' || text.charAt(end - 1) == '\'')) {
            end -= end > 1 && text.charAt(end - 2) == '\\' ? 2 : 1;
        }
        int start = end;
        while (start > 0 && end - start <= MAX_KEY_LENGTH && isKeyChar(text.charAt(start - 1))) {
            start--;
        }
        return start == end || end - start > MAX_KEY_LENGTH || !keys.mayBeSecret(text, start, end) ? null
                : text.substring(start, end);
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.';
    }

    private static String openingQuote(String text, int valueStart) {
        if (text.startsWith("\\\"", valueStart)) {
            return "\\\"";
        }
        char first = text.charAt(valueStart);
        return first == '"' || first == '\'' ? String.valueOf(first) : "";
    }

    /** A Cookie header carries several {@code name=value; ...} pairs: mask up to the end of the header value. */
    private static int cookieEnd(String text, int end) {
        while (end < text.length() && "\r\n\",}]".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
