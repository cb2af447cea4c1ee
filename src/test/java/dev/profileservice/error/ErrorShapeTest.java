package dev.profileservice.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Malformed input of every kind gets a 4xx problem, never a 5xx, and no answer names a class,
 * a table, an attribute, an ARN or a planted value.
 */
@QuarkusTest
class ErrorShapeTest extends ApiTest {

    private static final List<String> INTERNALS = List.of("UserProfiles", "email-index", "dynamo", "Dynamo",
            "jackson", "Jackson", "java.", "dev.profileservice", "Exception", "arn:aws", "amazonaws", "user_id",
            "password_hash", "at com.", "at io.", "Quarkus", "quarkus", "Vert.x", PLANTED_PASSWORD_HASH, PLANTED_SSN,
            PLANTED_NOTES);

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("invalid JSON", "{\"displayName\": "),
                Arguments.of("not an object", "[1, 2, 3]"),
                Arguments.of("trailing garbage", "{\"displayName\": \"A\"} {}"),
                Arguments.of("wrong type: number", "{\"displayName\": 1}"),
                Arguments.of("wrong type: object", "{\"displayName\": {\"$ne\": null}}"),
                Arguments.of("wrong type: boolean", "{\"displayName\": true}"),
                Arguments.of("duplicate key", "{\"displayName\": \"A\", \"displayName\": \"B\"}"),
                Arguments.of("duplicate key in an address", "{\"label\": \"x\", \"line1\": \"1 A St\", \"city\": \"C\","
                        + " \"country\": \"GB\", \"country\": \"NL\"}"),
                Arguments.of("unpaired surrogate", "{\"displayName\": \"A\\ud800\"}"),
                Arguments.of("unpaired surrogate in an address", "{\"line1\": \"\\udc00 Elm Row\", \"city\": \"C\","
                        + " \"country\": \"GB\"}"),
                Arguments.of("null preference", "{\"displayName\": \"A\", \"preferences\": {\"theme\": null}}"),
                Arguments.of("huge string", "{\"displayName\": \"" + "x".repeat(20_000) + "\"}"),
                Arguments.of("deep nesting", "{\"preferences\": " + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}"),
                Arguments.of("control characters", "{\"displayName\": \"A\\u0000\\u001b[31m\\r\\nforged\"}"),
                Arguments.of("expression injection in a value", "{\"displayName\": \"x\", \"locale\": \":x OR attribute_exists(#n)\"}"),
                Arguments.of("expression injection in a key", "{\"displayName\": \"x\", \"preferences\": {\"#n = :x\": \"1\"}}"),
                Arguments.of("null body", "null"),
                Arguments.of("empty body", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedBodiesGetAClientProblem(String name, String body) {
        plantLegacyProfile(Tokens.ALICE);
        assertClientProblem(as(Tokens.alice()).header("If-Match", "\"4\"").body(body).put("/api/profile"));
        assertClientProblem(as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"4\"")
                .body(body).patch("/api/profile"));
        assertClientProblem(as(Tokens.alice()).body(body).post("/api/profile/addresses"));
    }

    @Test
    void invalidUtf8IsAClientProblem() {
        byte[] body = "{\"displayName\": \"A\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        body[body.length - 3] = (byte) 0xC3;
        body[body.length - 4] = (byte) 0xFF;
        assertClientProblem(as(Tokens.alice()).body(body).put("/api/profile"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2F..%2Fadmin", "%2e%2e", "a%00b", "%252e%252e%252f", ":x", "#n", "x%20OR%201=1",
            "attribute_exists(user_id)", "PROFILE", "%E2%80%AE", "ADDRESS%23" })
    void trickyUserIdsAreNotFoundNotErrors(String userId) {
        plantLegacyProfile(Tokens.BOB);
        Response response = as(Tokens.alice()).urlEncodingEnabled(false).get("/api/profiles/" + userId);
        assertTrue(response.statusCode() == 404 || response.statusCode() == 400, "status " + response.statusCode());
        assertProblemWithoutInternals(response);
    }

    @ParameterizedTest
    @ValueSource(strings = { "..%2F..%2Fprofile", "ADDRESS%23x", ":x", "%23n", "00000000-0000-0000-0000-000000000000%00",
            "attribute_exists(sk)", "x'%20OR%20'1'='1" })
    void trickyAddressIdsAreNotFound(String id) {
        assertNotFound(as(Tokens.alice()).urlEncodingEnabled(false).get("/api/profile/addresses/" + id));
        assertNotFound(as(Tokens.alice()).urlEncodingEnabled(false).delete("/api/profile/addresses/" + id));
    }

    @Test
    void bodyTooLargeIs413Problem() {
        String big = "{\"displayName\": \"" + "x".repeat(70 * 1024) + "\"}";
        Response response = as(Tokens.alice()).body(big).put("/api/profile");
        response.then().statusCode(413);
        assertProblemWithoutInternals(response);
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        Response response = as(Tokens.alice()).contentType("text/plain").body("displayName=A").put("/api/profile");
        response.then().statusCode(415);
        assertProblemWithoutInternals(response);
    }

    @Test
    void patchWithPlainJsonIs415Problem() {
        Response response = as(Tokens.alice()).header("If-Match", "\"1\"").body("{}").patch("/api/profile");
        response.then().statusCode(415);
        assertProblemWithoutInternals(response);
    }

    @Test
    void unknownRouteIs404Problem() {
        assertNotFound(as(Tokens.alice()).get("/api/nothing-here"));
        assertNotFound(given().get("/definitely/not/here"));
    }

    @Test
    void wrongMethodIs405Problem() {
        Response response = as(Tokens.alice()).post("/api/profile");
        response.then().statusCode(405);
        assertProblemWithoutInternals(response);
    }

    @Test
    void malformedIfMatchIsAClientProblem() {
        plantLegacyProfile(Tokens.ALICE);
        for (String header : new String[] { "*", "W/\"4\"", "4", "\"4\", \"5\"", "\"99999999999999999999\"" }) {
            Response response = as(Tokens.alice()).header("If-Match", header).body("{\"displayName\": \"A\"}").put("/api/profile");
            assertClientProblem(response);
        }
    }

    @Test
    void validationDetailNamesFieldAndRuleButNeverTheValue() {
        String secretish = "078-05-1120-not-an-email";
        Response response = as(Tokens.alice()).body("{\"displayName\": \"A\", \"email\": \"" + secretish + "\"}")
                .put("/api/profile");
        response.then().statusCode(400).body("detail", matchesPattern("email: .+"));
        assertFalse(response.asString().contains(secretish), response.asString());
    }

    private static void assertNotFound(Response response) {
        response.then().statusCode(404);
        assertProblemWithoutInternals(response);
    }

    private static void assertClientProblem(Response response) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "expected a 4xx, got " + status + ": " + response.asString());
        assertProblemWithoutInternals(response);
    }

    static void assertProblemWithoutInternals(Response response) {
        response.then()
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(response.statusCode()))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("errorId", matchesPattern("[0-9a-f-]{36}"));
        assertEquals(List.of("no-store"), response.getHeaders().getValues("Cache-Control"), "exactly one Cache-Control");
        String body = response.asString();
        for (String internal : INTERNALS) {
            assertFalse(body.contains(internal), "'" + internal + "' in " + body);
        }
        assertTrue(response.getHeader("Server") == null, "server banner: " + response.getHeader("Server"));
    }
}
