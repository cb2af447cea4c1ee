package dev.profileservice.profile;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ProfileApiTest extends ApiTest {

    static final Set<String> PUBLIC_KEYS = Set.of("userId", "displayName", "avatarUrl");
    static final Set<String> OWNER_KEYS = Set.of("userId", "displayName", "avatarUrl", "email", "phone", "locale",
            "preferences", "ssnLast4", "createdAt", "updatedAt", "version");


    @Test
    void putWithoutProfileCreatesItAndReturnsTheOwnerView() {
        Response created = as(Tokens.alice()).body(fullProfileJson()).put("/api/profile");
        created.then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", "/api/profile")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body("userId", equalTo(Tokens.ALICE))
                .body("ssnLast4", equalTo("6789"))
                .body("email", equalTo("alice@example.org"));
        assertEquals(OWNER_KEYS, created.jsonPath().getMap("").keySet());
    }

    @Test
    void getReturnsExactlyTheOwnerViewWithItsEtag() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        Response got = as(Tokens.alice()).get("/api/profile");
        got.then().statusCode(200).header("ETag", "\"1\"").header("Cache-Control", "no-store");
        assertEquals(OWNER_KEYS, got.jsonPath().getMap("").keySet());
    }

    @Test
    void getWithoutProfileIsNotFoundProblem() {
        as(Tokens.alice()).get("/api/profile").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void replaceWithoutIfMatchIsPreconditionRequired() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(428)
                .contentType("application/problem+json");
    }

    @Test
    void twoIfMatchLinesAreRefusedNotReadAsTheFirst() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).header("If-Match", "\"1\"").header("If-Match", "\"7\"").body(fullProfileJson()).put("/api/profile")
                .then().statusCode(400).contentType("application/problem+json");
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"").header("If-Match", "\"7\"")
                .body("{\"locale\": \"fr\"}").patch("/api/profile").then().statusCode(400);
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void replaceWithStaleIfMatchIsPreconditionFailed() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).header("If-Match", "\"1\"").body(fullProfileJson()).put("/api/profile").then().statusCode(200)
                .header("ETag", "\"2\"");
        as(Tokens.alice()).header("If-Match", "\"1\"").body(fullProfileJson()).put("/api/profile").then().statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void patchChangesOnlyTheNamedFields() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"locale\": \"fr-FR\", \"phone\": null}")
                .patch("/api/profile").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("locale", equalTo("fr-FR"))
                .body("phone", equalTo(null))
                .body("email", equalTo("alice@example.org"))
                .body("ssnLast4", equalTo("6789"));
    }

    @Test
    void patchWithoutIfMatchIsPreconditionRequired() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).contentType("application/merge-patch+json").body("{\"locale\": \"fr\"}")
                .patch("/api/profile").then().statusCode(428);
    }

    @Test
    void ssnIsWriteOnlyAndOnlyItsLastFourComeBack() {
        Response created = as(Tokens.alice()).body(fullProfileJson()).put("/api/profile");
        created.then().statusCode(201);
        String body = created.asString() + as(Tokens.alice()).get("/api/profile").asString()
                + as(Tokens.alice()).get("/api/profile/export").asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("123-45-6789") || body.contains("123456789"), body);
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("\"ssn\""), body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "userId", "version", "internalNotes", "accountFlags", "createdAt", "updatedAt", "ssnLast4",
            "passwordHash", "password_hash", "isAdmin" })
    void putRejectsReadOnlyAndUnknownFields(String field) {
        String body = "{\"displayName\": \"A\", \"" + field + "\": \"x\"}";
        as(Tokens.alice()).body(body).put("/api/profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("unknown or read-only field '" + field + "'"));
        assertEquals(Map.of(), rawItem(Tokens.ALICE, "PROFILE"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "userId", "version", "internalNotes", "accountFlags" })
    void patchRejectsReadOnlyFields(String field) {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"" + field + "\": \"x\"}").patch("/api/profile").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"displayName\": \"\"}",
            "{\"displayName\": \"A\", \"email\": \"not-an-email\"}",
            "{\"displayName\": \"A\", \"phone\": \"555-1234\"}",
            "{\"displayName\": \"A\", \"avatarUrl\": \"http://insecure.example.org/a.png\"}",
            "{\"displayName\": \"A\", \"avatarUrl\": \"javascript:alert(1)\"}",
            "{\"displayName\": \"A\", \"ssn\": \"12-345\"}",
            "{\"displayName\": \"A\", \"locale\": \"not a locale\"}",
            "{\"displayName\": 42}",
            "{\"displayName\": \"A\", \"preferences\": [1,2]}"
    })
    void invalidBodiesAreRejectedWithAProblem(String body) {
        as(Tokens.alice()).body(body).put("/api/profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void preferencesAreLimitedInSize() {
        StringBuilder prefs = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            prefs.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        as(Tokens.alice()).body("{\"displayName\": \"A\", \"preferences\": {" + prefs + "}}").put("/api/profile")
                .then().statusCode(400).body("detail", startsWith("preferences"));
    }

    @Test
    void publicViewOfAnotherUserHasOnlyPublicFields() {
        as(Tokens.bob()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        Response card = as(Tokens.alice()).get("/api/profiles/" + Tokens.BOB);
        card.then().statusCode(200);
        assertEquals(PUBLIC_KEYS, card.jsonPath().getMap("").keySet());
    }

    @Test
    void deleteErasesTheWholePartitionAndNothingElse() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.bob()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        for (int i = 0; i < 30; i++) {
            as(Tokens.alice()).body(address("Street " + i)).post("/api/profile/addresses").then().statusCode(201);
        }
        as(Tokens.alice()).delete("/api/profile").then().statusCode(204);
        assertEquals(0, rawPartition(Tokens.ALICE).size());
        assertEquals(1, rawPartition(Tokens.BOB).size());
    }

    static String address(String line1) {
        return """
                {"label": "home", "line1": "%s", "city": "Springfield", "postalCode": "12345", "country": "US"}
                """.formatted(line1);
    }
}
