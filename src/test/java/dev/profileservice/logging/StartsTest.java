package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The shortcuts that make masking cheap must not change what it masks: every built-in pattern rule, jumping
 * between its {@link Starts}, masks exactly what the same regex finds with {@code find()} at every position; and
 * a key that {@link SensitiveKeys#mayBeSecret} lets go is one {@link SensitiveKeys#kindOf} would not name.
 */
class StartsTest {

    private static final String[] PIECES = { "0", "1", "2", "4", "5", "9", "12", "078", "4111", "555", "2671", " ", " ",
            "-", ".", "(", ")", "+", ":", "=", "/", "@", "_", "\n", "\"", "'", "a", "A", "x", "Z", "s", "S", "ssn", "SSN",
            "social security", "Bearer ", "bearer ", "Basic ", "dXNlcjpwYXNz", "AKIA", "ASIA", "IOSFODNN7EXAMPLE", "aws",
            "secret", "arn:aws:iam::", "123456789012", "eyJ", "hbGciOiJ", "://", "bob", "example.com", "0800 123 4567",
            "(415) ", "+44 20 ", "é", "\u00e9", "\u0661", "-----BEGIN RSA PRIVATE KEY-----", "T05" };

    @Test
    void everyPatternRuleMasksWhatFindWouldMask() {
        Random random = new Random(20261130);
        List<PatternRule> rules = KnownPatterns.all().stream()
                .filter(PatternRule.class::isInstance).map(PatternRule.class::cast).toList();
        for (int i = 0; i < 10_000; i++) {
            String text = text(random, 1 + random.nextInt(60));
            for (PatternRule rule : rules) {
                assertEquals(rule.everywhere().apply(text), rule.apply(text), () -> "on: " + text);
            }
        }
    }

    @Test
    void keysLetGoAreNeverSecret() {
        Random random = new Random(7);
        SensitiveKeys keys = new SensitiveKeys(List.of("x-tenant-pin", "iban"));
        String[] parts = { "pass", "word", "Pass", "WORD", "api", "Key", "_", "-", ".", "token", "x", "user", "name",
                "Session", "Id", "ssn", "class", "Name", "otp", "2", "05", "secret", "Cookie", "pin", "tenant", "iban" };
        for (int i = 0; i < 50_000; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                key.append(parts[random.nextInt(parts.length)]);
            }
            String k = key.toString();
            if (!keys.mayBeSecret(k, 0, k.length())) {
                assertNull(keys.kindOf(k), k);
            }
        }
        assertFalse(keys.mayBeSecret("2026-11-30T05", 0, 13));
        assertFalse(keys.mayBeSecret("arn", 0, 3));
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
                continue;
            }
            // digit groups joined by separators: the shapes of cards, SSNs and phone numbers, and near misses
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                for (int d = 1 + random.nextInt(random.nextBoolean() ? 4 : 16); d > 0; d--) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
                text.append(" -.-)(".charAt(random.nextInt(6)));
            }
        }
        return text.toString();
    }
}
