package dev.profileservice.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the value of every {@code key=value}, {@code key: value} and JSON {@code "key":"value"} pair whose key
 * {@link SensitiveKeys} marks as secret. Any key shape is matched and classified in code, which keeps the regex
 * linear; after a harmless key the scan resumes right behind the key, so a value such as
 * {@code url=https://x/?token=abc} is still searched for nested pairs.
 */
final class SensitiveKeyRule implements MaskRule {

    private static final Pattern PAIR = Pattern.compile(
            "(?<![\\w.\\-\\\\])"                          // a key starts at a token boundary
            + "(?<q>\\\\?[\"']?)(?<key>[A-Za-z_][\\w.\\-]{0,63}+)\\k<q>"
            + "[ \\t]*+[:=][ \\t]*+"
            + "(?<value>"
            + "\\\\\"(?:[^\\\\]|\\\\(?!\"))*+(?:\\\\\")?"     // \"escaped\" string inside a JSON string
            + "|\"(?:[^\"\\\\]|\\\\.)*+\"?"                    // JSON string; unterminated runs to the end
            + "|'[^']*+'?"
            + "|\\{[^{}]*+\\}?|\\[[^\\[\\]]*+\\]?"             // a whole object or array held by a secret key
            + "|(?:(?i:bearer|basic|digest|negotiate|token)[ \\t]++)?[^\\s,;&\"'<>{}\\[\\]()]++"
            + ")");

    private final SensitiveKeys keys;

    SensitiveKeyRule(SensitiveKeys keys) {
        this.keys = keys;
    }

    @Override
    public String apply(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = PAIR.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String kind = keys.kindOf(m.group("key"));
            if (kind == null) {
                from = m.end("key");
                continue;
            }
            int start = m.start("value");
            String quote = openingQuote(text, start);
            int end = "cookie".equals(kind) && quote.isEmpty() ? cookieEnd(text, m.end("value")) : m.end("value");
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(quote).append(MaskRule.placeholder(kind)).append(quote);
            copied = end;
            from = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
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
