package dev.profileservice.logging;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what a regex finds with {@code [REDACTED:kind]}. When the regex has a group named {@code v}, only that
 * group is replaced, so the keyword that located it stays readable. A cheap {@link TextShape} test skips the regex
 * on text that cannot match, {@link Starts} skips the positions where no match can begin, and a check (Luhn, digit
 * count) vetoes matches that only look like the kind.
 */
final class PatternRule implements MaskRule {

    private final String kind;
    private final String placeholder;
    private final Pattern pattern;
    private final Predicate<String> worthTrying;
    private final Predicate<String> check;
    private final Starts starts;
    private final boolean hasValueGroup;

    PatternRule(String kind, Pattern pattern, Predicate<String> worthTrying, Predicate<String> check, Starts starts) {
        this.kind = kind;
        this.placeholder = MaskRule.placeholder(kind);
        this.pattern = pattern;
        this.worthTrying = worthTrying;
        this.check = check;
        this.starts = starts;
        this.hasValueGroup = pattern.pattern().contains("(?<v>");
    }

    PatternRule(String kind, String regex, Predicate<String> worthTrying, Starts starts) {
        this(kind, Pattern.compile(regex), worthTrying, found -> true, starts);
    }

    PatternRule(String kind, String regex, Predicate<String> worthTrying) {
        this(kind, regex, worthTrying, Starts.ANYWHERE);
    }

    /** The same rule searching every position with {@code find()}: the reference its starts must agree with. */
    PatternRule everywhere() {
        return new PatternRule(kind, pattern, worthTrying, check, Starts.ANYWHERE);
    }

    @Override
    public String apply(String text) {
        if (!worthTrying.test(text)) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        Splice masked = new Splice(text);
        if (starts == Starts.ANYWHERE) {
            while (m.find()) {
                replace(m, text, masked);
            }
            return masked.result();
        }
        // Lookbehinds and \b must see the text before each start, as find() lets them.
        m.useTransparentBounds(true).useAnchoringBounds(false);
        Starts.Cursor cursor = starts.over(text);
        int from = 0;
        for (int at = cursor.next(from); at >= 0; at = cursor.next(from)) {
            if (m.region(at, text.length()).lookingAt()) {
                replace(m, text, masked);
                from = Math.max(m.end(), at + 1);
            } else {
                from = at + 1;
            }
        }
        return masked.result();
    }

    private void replace(Matcher m, String text, Splice masked) {
        int start = hasValueGroup ? m.start("v") : m.start();
        int end = hasValueGroup ? m.end("v") : m.end();
        if (start >= 0 && check.test(text.substring(start, end))) {
            masked.replace(start, end, placeholder);
        }
    }
}
