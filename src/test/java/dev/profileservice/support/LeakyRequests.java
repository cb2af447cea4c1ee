package dev.profileservice.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.restassured.http.ContentType;

/**
 * Requests that put values where a DEBUG log is likely to repeat them: wrong-typed values (a bare 9-digit SSN and an
 * 11-digit phone as JSON numbers, which match no masking rule), unknown fields carrying secrets, and bad tokens. Each
 * must be refused with a 4xx; {@link #values()} lists what no log line may then contain. Values are assembled at run
 * time so that no credential-shaped literal sits in the repository.
 */
public final class LeakyRequests {

    public static final String SSN_DIGITS = "219" + "099999";
    public static final String PHONE_DIGITS = "1415" + "5552671";
    public static final String FIELD_SECRET = "Zq7" + "-unknown-field-" + "s3cr3t-Vw9";
    public static final String FIELD_PASSWORD = "tr0ub4dor" + "-and-3";
    public static final String CLAIM_EMAIL = "claim.leak" + "@example.org";
    public static final String CLAIM_NAME = "Zebulon" + " Quist-Leak";
    public static final String CLAIM_USERNAME = "zquist" + "-leak";
    public static final String CLAIM_SESSION = "5e0a9c1e" + "-leak-sid";

    private final List<String> tokens = new ArrayList<>();

    /** Sends every request; {@code token} is a valid user token, {@code bodyPath} the PUT target. */
    public void send(String token, String bodyPath) {
        for (String body : List.of(
                "{\"ssn\": " + SSN_DIGITS + "}",
                "{\"phone\": " + PHONE_DIGITS + "}",
                "{\"displayName\": \"A\", \"phone\": " + PHONE_DIGITS + ", \"ssn\": " + SSN_DIGITS + "}",
                "{\"preferences\": " + SSN_DIGITS + "}",
                "{\"displayName\": \"A\", \"recoveryCode\": \"" + FIELD_SECRET + "\"}",
                "{\"displayName\": \"A\", \"password\": \"" + FIELD_PASSWORD + "\", \"note\": \"" + SSN_DIGITS + "\"}",
                "{\"displayName\": [" + PHONE_DIGITS + "]}",
                "{\"ssn\": " + SSN_DIGITS + "x}")) {
            int status = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(bodyPath).statusCode();
            require(status == 400, "a bad body must be a 400, was " + status + ": " + body);
        }
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        long past = Instant.now().getEpochSecond() - 3600;
        // A signed token fails on its claims: jose4j's message then carries the whole payload.
        String expired = Tokens.claims(Tokens.ALICE, "alice").claim("email", CLAIM_EMAIL)
                .claim("phone_number", "+" + PHONE_DIGITS).claim("name", CLAIM_NAME).claim("preferred_username", CLAIM_USERNAME)
                .claim("sid", CLAIM_SESSION).issuedAt(past - 300).expiresAt(past).sign();
        String wrongAudience = Tokens.claims(Tokens.ALICE, "alice").audience("someone-else").claim("email", CLAIM_EMAIL)
                .claim("name", CLAIM_NAME).claim("preferred_username", CLAIM_USERNAME).sign();
        for (String bad : List.of(forged, expired, wrongAudience, "garbage-" + FIELD_SECRET)) {
            tokens.add(bad);
            int status = given().header("Authorization", "Bearer " + bad).get(bodyPath).statusCode();
            require(status == 401, "a bad token must be a 401, was " + status);
        }
        tokens.add(token);
    }

    /** Everything sent that no log line may contain: the values, and every token and token signature. */
    public List<String> values() {
        List<String> values = new ArrayList<>(List.of(SSN_DIGITS, PHONE_DIGITS, FIELD_SECRET, FIELD_PASSWORD, CLAIM_EMAIL,
                CLAIM_NAME, CLAIM_USERNAME, CLAIM_SESSION));
        for (String token : tokens) {
            values.add(token);
            String[] parts = token.split("\\.");
            if (parts.length == 3) {
                values.add(parts[2]);
            }
        }
        return values;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
