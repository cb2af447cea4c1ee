package dev.profileservice.telemetry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Faults;
import dev.profileservice.support.LeakyRequests;
import dev.profileservice.support.Tokens;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Traffic through every endpoint that carries personal data somewhere: in tokens, paths, query
 * strings, headers, baggage, tracestate, bodies (also the logging tests' {@link LeakyRequests}),
 * stored items and backend errors. The telemetry
 * tests drive it and then search what left the process for every value in {@link #planted()}.
 */
abstract class TelemetryTraffic extends ApiTest {

    static final String EMAIL = "span.leak" + "@" + "example.org";
    static final String PHONE = "+4415" + "52345678";
    static final String SSN = "219-09-" + "8877";
    static final String DISPLAY_NAME = "Planted Displayname";
    static final String LEGACY_EMAIL = "8d2e4b71@legacy.example.org";
    /** A caller-chosen user id in a path: a raw path must never become a span name or a metric label. */
    static final String PATH_USER = "path-user-" + "7f3a9c";
    /** Values a caller puts in baggage and tracestate headers (their formats allow no '@'). */
    static final String BAGGAGE_VALUE = "baggage-secret-" + "4b1d";
    static final String TRACESTATE_VALUE = "tracestate-secret-" + "77e1";
    /** The sampled trace a caller sends {@code GET /api/profile} in (W3C traceparent). */
    static final String CALLER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static final String CALLER_SPAN_ID = "b7ad6b7169203331";

    private final List<String> tokens = new ArrayList<>();
    private final LeakyRequests leaky = new LeakyRequests();

    /** Every value that must not appear anywhere in exported telemetry. */
    List<String> planted() {
        List<String> all = new ArrayList<>(Faults.plantedValues());
        all.addAll(List.of(EMAIL, PHONE, SSN, DISPLAY_NAME, LEGACY_EMAIL, PATH_USER, BAGGAGE_VALUE, TRACESTATE_VALUE,
                Tokens.ALICE, Tokens.BOB,
                Tokens.ADMIN, Faults.ITEM_IN_ERROR, Faults.SECRET_IN_CAUSE, PLANTED_PASSWORD_HASH, PLANTED_SSN,
                PLANTED_NOTES, PLANTED_FLAG, "alice@example.org", "+14155552671", "123-45-6789"));
        all.addAll(leaky.values());
        for (String token : tokens) {
            all.add(token);
            all.add(token.split("\\.")[2]);
        }
        return all;
    }

    /** Drives the traffic, from a 404 on an empty profile to the erasure of the partition. */
    void driveEveryEndpoint() {
        String alice = token(Tokens.alice());
        String bob = token(Tokens.bob());
        String admin = token(Tokens.admin());
        plantLegacyProfile(Tokens.BOB);

        as(alice).get("/api/profile").then().statusCode(404);
        leaky.send(alice, "/api/profile");
        as(alice).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        traced(as(alice)).get("/api/profile").then().statusCode(200);
        // A ciphertext copied into another user's item does not open there: a counted crypto failure and a 500.
        plant(Tokens.ADMIN, "PROFILE", Map.of("display_name", AttributeValue.fromS("Copied"),
                "version", AttributeValue.fromN("1"), "email", rawItem(Tokens.ALICE, "PROFILE").get("email")));
        as(admin).get("/api/profile").then().statusCode(500);
        as(alice).body("{\"displayName\": \"" + DISPLAY_NAME + "\"}").put("/api/profile").then().statusCode(428);
        as(alice).header("If-Match", "\"99\"").body("{\"displayName\": \"" + DISPLAY_NAME + "\"}").put("/api/profile")
                .then().statusCode(412);
        as(alice).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"displayName\": \"" + DISPLAY_NAME + "\", \"phone\": \"" + PHONE + "\"}").patch("/api/profile")
                .then().statusCode(200);
        as(alice).header("If-Match", "\"2\"").body("{\"displayName\": \"x\", \"email\": \"" + EMAIL + " x\", \"ssn\": \"" + SSN + "\"}")
                .put("/api/profile").then().statusCode(400);
        as(alice).body("{\"displayName\": \"" + "y".repeat(70_000) + EMAIL + "\"}").put("/api/profile").then().statusCode(413);

        String address = as(alice).body("{\"line1\": \"1 " + DISPLAY_NAME + "\", \"city\": \"Leak\", \"postalCode\": \"1\","
                + " \"country\": \"NL\"}").post("/api/profile/addresses").then().statusCode(201).extract().path("id");
        as(alice).queryParam("limit", 1).get("/api/profile/addresses").then().statusCode(200);
        as(alice).queryParam("cursor", EMAIL).get("/api/profile/addresses").then().statusCode(400);
        as(alice).get("/api/profile/addresses/" + address).then().statusCode(200);
        as(bob).delete("/api/profile/addresses/" + address).then().statusCode(404);
        as(alice).get("/api/profile/export").then().statusCode(200);

        as(bob).get("/api/profiles/" + Tokens.ALICE).then().statusCode(200);
        as(bob).get("/api/profiles/" + PATH_USER).then().statusCode(404);
        as(bob).get("/api/admin/profiles/" + Tokens.ALICE).then().statusCode(403);
        as(admin).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
        adminSearch(admin, LEGACY_EMAIL).then().statusCode(200);
        adminSearch(admin, EMAIL).then().statusCode(200);
        // The retired GET with PII in its query string: refused, and its values must not reach a span either.
        as(admin).queryParam("email", EMAIL).queryParam("phone", PHONE).get("/api/admin/profiles")
                .then().statusCode(oneOf(404, 405));
        as(alice).get("/api/profiles/" + PATH_USER + "/" + EMAIL).then().statusCode(404);
        given().get("/" + EMAIL + "?phone=" + PHONE).then().statusCode(404);

        // Forged and broken tokens, one with an unknown key id so that the service refreshes the JWKS.
        given().get("/api/profile").then().statusCode(401);
        given().auth().oauth2(alice.substring(0, alice.length() - 4) + "AAAA").get("/api/profile").then().statusCode(401);
        String[] parts = alice.split("\\.");
        String unknownKid = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"unknown-kid\"}".getBytes());
        given().auth().oauth2(unknownKid + "." + parts[1] + "." + parts[2]).get("/api/profile").then().statusCode(401);
        given().auth().oauth2(EMAIL).get("/api/profile").then().statusCode(401);

        // Backend failures whose text carries a victim's data and a credential.
        as(alice).get("/api/profiles/" + Faults.ITEM_IN_ERROR).then().statusCode(500);
        as(alice).get("/api/profiles/" + Faults.SECRET_IN_CAUSE).then().statusCode(500);

        as(alice).delete("/api/profile/addresses/" + address).then().statusCode(204);
        as(alice).delete("/api/profile").then().statusCode(204);
    }

    /** A request that arrives inside a caller's sampled trace, with baggage and tracestate full of personal data. */
    private static RequestSpecification traced(RequestSpecification request) {
        return request.header("traceparent", "00-" + CALLER_TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .header("tracestate", "leak=" + TRACESTATE_VALUE)
                .header("baggage", "enduser.id=" + Tokens.ALICE + ",note=" + BAGGAGE_VALUE)
                .header("X-Planted", EMAIL)
                .queryParam("access_token", Faults.AWS_SECRET);
    }

    String token(String token) {
        tokens.add(token);
        return token;
    }

    static Set<String> keysOf(io.opentelemetry.api.common.Attributes attributes) {
        Set<String> keys = new java.util.TreeSet<>();
        attributes.forEach((key, value) -> keys.add(key.getKey()));
        return keys;
    }
}
