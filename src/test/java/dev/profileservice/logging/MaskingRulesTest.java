package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingRulesTest {

    private static final String PEM = """
            -----BEGIN RSA PRIVATE KEY-----
            MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HecKvE
            r0KSBfLb8dUpoeFG2FYzo1WFsDHJ/ys3xBCDS0AtXKOmlNrCQ1pzxX7SG4Sw==
            -----END RSA PRIVATE KEY-----""";

    private final MaskingRules rules = MaskingRules.defaults();

    /** {@code text} holds {@code secret}; after masking the secret is gone and {@code [REDACTED:kind]} is there. */
    private void assertMasked(String text, String secret, String kind) {
        String masked = rules.apply(text);
        assertFalse(masked.contains(secret), () -> "secret left in: " + masked);
        assertTrue(masked.contains("[REDACTED:" + kind + "]"), () -> "no " + kind + " placeholder in: " + masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/masking/sensitive-key-values.csv", delimiter = '|', quoteCharacter = '`',
            numLinesToSkip = 1)
    void sensitiveKeyValuesAreMaskedInEveryNotation(String text, String secret, String kind) {
        assertMasked(text, secret, kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/masking/value-patterns.csv", delimiter = '|', numLinesToSkip = 1)
    void valuePatternsAreMaskedWithoutAKey(String text, String secret, String kind) {
        assertMasked(text, secret, kind);
    }

    @Test
    void pemPrivateKeyBlockIsMaskedAcrossLines() {
        String masked = rules.apply("key loaded:\n" + PEM + "\nnext line stays");
        assertEquals("key loaded:\n[REDACTED:private-key]\nnext line stays", masked);
    }

    @Test
    void aRejectedTokensClaimsAreMaskedAndTheReasonStays() {
        String message = "Token verification has failed: JWT (claims->{\"sub\":\"7c1f\",\"name\":\"Zebulon Quist\","
                + "\"preferred_username\":\"zquist\",\"address\":{\"street_address\":\"12 Elm Row\"},\"sid\":\"5e0a\"})"
                + " rejected due to invalid claims or other invalid content. Additional details: [[1] The JWT is no longer"
                + " valid - the evaluation time NumericDate{1764540000} is on or after the Expiration Time (exp=NumericDate{1}) ]";
        String masked = rules.apply(message);
        assertEquals("Token verification has failed: JWT (claims->[REDACTED:jwt-claims]) rejected due to invalid claims"
                + " or other invalid content. Additional details: [[1] The JWT is no longer valid - the evaluation time"
                + " NumericDate{1764540000} is on or after the Expiration Time (exp=NumericDate{1}) ]", masked);
    }

    @Test
    void anEmailIsMaskedWhole() {
        String local = "x".repeat(70) + ".long";
        assertEquals("to [REDACTED:email] ok", rules.apply("to " + local + "@example.org ok"));
        assertEquals("email=[REDACTED:email] next=1", rules.apply("email=alice@example.org next=1"));
        assertEquals("user '[REDACTED:email]' and |[REDACTED:email]|", rules.apply("user 'o'brien@example.org' and |a@b.io|"));
        assertEquals("GET /users/[REDACTED:email]?x=1", rules.apply("GET /users/alice@example.org?x=1"));
    }

    @Test
    void theCodeExchangesCodeAndVerifierAreMasked() {
        String form = "request params: grant_type=authorization_code\n"
                + "code=I4rY-zEz2S50.1f0c.9d2e\ncode_verifier=0hDi0sjQz7Ya9Lw\nredirect_uri=http://app/login\n";
        assertEquals("request params: grant_type=authorization_code\n"
                + "code=[REDACTED:authorization-code]\ncode_verifier=[REDACTED:pkce-verifier]\nredirect_uri=http://app/login\n",
                rules.apply(form));
        // elsewhere code= is an ordinary word: an error code stays readable
        assertEquals("failed with code=CONFLICT", rules.apply("failed with code=CONFLICT"));
    }

    @Test
    void claimsWithoutTheUsualEndingAreMaskedToTheEnd() {
        assertEquals("failed: JWT (claims->[REDACTED:jwt-claims]",
                rules.apply("failed: JWT (claims->{\"name\":\"Zebulon Quist\"} cut short"));
    }

    @Test
    void truncatedPemPrivateKeyIsMaskedToTheEnd() {
        String truncated = PEM.substring(0, PEM.indexOf("-----END"));
        assertEquals("x [REDACTED:private-key]", rules.apply("x " + truncated));
    }

    @Test
    void multiLineExceptionTextIsMaskedOnEveryLine() {
        String text = "Request failed\n  password=hunter2\n\tat Foo.bar(Foo.java:1)\n  email bob@example.com";
        String masked = rules.apply(text);
        assertFalse(masked.contains("hunter2") || masked.contains("bob@example.com"), masked);
        assertTrue(masked.contains("\n\tat Foo.bar(Foo.java:1)\n"), masked);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "profile 3fa85f64-5717-4562-b3fc-2c963f66afa6 loaded",
        "id 12345678-1234-1234-1234-123456789012",
        "at 2026-11-30T05:50:50.123Z and 2026-11-30 05:50:50,123 +01:00",
        "Quarkus 3.33.2 on JVM started in 1.234s",
        "Listening on: http://127.0.0.1:8080",
        "HTTP 404 after 12 ms, status=200, port 5432",
        "card 4111 1111 1111 1112 fails Luhn",
        "number 4111111111111112 fails Luhn",
        "epoch 1764481850123 and nanos 1764481850123456789",
        "Query UserProfiles #pk = :pk AND begins_with(#sk, :prefix) ConsumedCapacity=1.5",
        "attributes pk, sk, displayName, updatedAt, version=7",
        "className=dev.profileservice.dynamo.ItemKey count=1234567 id=42",
        "commit 3f786850e387550fdab836ed7e6dc881de23001b",
        "Basic validation passed for 12 fields",
        "token expired, renew it",
    })
    void harmlessTextStaysUntouched(String text) {
        assertSame(text, rules.apply(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "3fa85f64-5717-4562-b3fc-2c963f66afa6 | 1",
        "card4111111111111111                 | 16",
        "(415) 555-2671                       | 10",
        "2026-11-30T05:50:50Z                 | 8",
    })
    void digitRunPrecheckSkipsHexIdsButKeepsNumbersGluedToOneWord(String text, int longest) {
        assertEquals(longest, TextShape.longestDigitRun(text));
    }

    @Test
    void maskingTwiceGivesTheSameText() {
        String once = rules.apply("password=hunter2 mail bob@example.com card 4111111111111111 " + PEM);
        assertEquals(once, rules.apply(once));
    }

    @Test
    void configuredExtraKeysAndPatternsAreMasked() {
        MaskingRules custom = new MaskingRules(List.of("iban", "x-tenant-pin"), List.of("ORDER-\\d{6}"));
        assertEquals("iban=[REDACTED:iban] X-Tenant-Pin: [REDACTED:x-tenant-pin] ref [REDACTED:custom]",
                custom.apply("iban=DE89370400440532013000 X-Tenant-Pin: 1234 ref ORDER-123456"));
    }

    @Test
    void adversarialInputIsMaskedInLinearTime() {
        String digits = "4".repeat(200_000);
        String base64 = "eyJ" + "A".repeat(200_000) + ".";
        String local = "a".repeat(200_000) + "@";
        String keys = "password".repeat(50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            for (String text : List.of(digits, base64, local, keys, "+1 2".repeat(50_000), "-".repeat(200_000))) {
                rules.apply(text);
            }
        });
    }
}
