package dev.profileservice.logging;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what a regex finds with {@code [REDACTED:kind]}. When the regex has a group named {@code v}, only that
 * group is replaced, so the keyword that located it stays readable. An optional check (Luhn, digit count) vetoes
 * matches that only look like the kind, and an optional literal hint skips the regex on text that cannot match.
 */
final class PatternRule implements MaskRule {

    private final String kind;
    private final Pattern pattern;
    private final String hint;
    private final Predicate<String> check;
    private final boolean hasValueGroup;

    PatternRule(String kind, Pattern pattern, String hint, Predicate<String> check) {
        this.kind = kind;
        this.pattern = pattern;
        this.hint = hint;
        this.check = check;
        this.hasValueGroup = pattern.pattern().contains("(?<v>");
    }

    PatternRule(String kind, String regex, String hint) {
        this(kind, Pattern.compile(regex), hint, found -> true);
    }

    @Override
    public String apply(String text) {
        if (hint != null && !text.contains(hint)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            int start = hasValueGroup ? m.start("v") : m.start();
            int end = hasValueGroup ? m.end("v") : m.end();
            if (start < 0 || !check.test(text.substring(start, end))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(MaskRule.placeholder(kind));
            copied = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
