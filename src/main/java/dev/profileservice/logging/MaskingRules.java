package dev.profileservice.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every masking rule, in order: secret keys first (they know the kind best), then the built-in value patterns,
 * then the operator's extra patterns. Pure and thread-safe: no logging types, so it is unit-tested on strings.
 */
public final class MaskingRules implements UnaryOperator<String> {

    static final String CUSTOM_KIND = "custom";

    private final List<MaskRule> rules;

    public MaskingRules(Collection<String> extraKeys, Collection<String> extraPatterns) {
        List<MaskRule> all = new ArrayList<>();
        all.add(new SensitiveKeyRule(new SensitiveKeys(extraKeys)));
        all.addAll(KnownPatterns.all());
        for (String regex : extraPatterns) {
            if (!regex.isBlank()) {
                all.add(new PatternRule(CUSTOM_KIND, regex, text -> true));
            }
        }
        this.rules = List.copyOf(all);
    }

    public static MaskingRules defaults() {
        return new MaskingRules(List.of(), List.of());
    }

    /** Masks secrets and PII in {@code text}; returns the same instance when nothing matched. */
    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (MaskRule rule : rules) {
            masked = rule.apply(masked);
        }
        return masked;
    }
}
