package dev.profileservice.logging;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what a regex finds with {@code [REDACTED:kind]}. When the regex has a group named {@code v}, only that
 * group is replaced, so the keyword that located it stays readable. A cheap {@link TextShape} test skips the regex
 * on text that cannot match, and a check (Luhn, digit count) vetoes matches that only look like the kind.
 */
final class PatternRule implements MaskRule {

    private final String kind;
    private final Pattern pattern;
    private final Predicate<String> worthTrying;
    private final Predicate<String> check;
    private final boolean hasValueGroup;

    PatternRule(String kind, Pattern pattern, Predicate<String> worthTrying, Predicate<String> check) {
        this.kind = kind;
        this.pattern = pattern;
        this.worthTrying = worthTrying;
        this.check = check;
        this.hasValueGroup = pattern.pattern().contains("(?<v>");
    }

    PatternRule(String kind, String regex, Predicate<String> worthTrying) {
        this(kind, Pattern.compile(regex), worthTrying, found -> true);
    }

    @Override
    public String apply(String text) {
        if (!worthTrying.test(text)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        Splice masked = new Splice(text);
        while (m.find()) {
            int start = hasValueGroup ? m.start("v") : m.start();
            int end = hasValueGroup ? m.end("v") : m.end();
            if (start >= 0 && check.test(text.substring(start, end))) {
                masked.replace(start, end, MaskRule.placeholder(kind));
            }
        }
        return masked.result();
    }
}
