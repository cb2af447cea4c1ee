package dev.profileservice.address;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.api.CursorSealer;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AddressPaginationTest extends ApiTest {

    @Inject
    CursorSealer sealer;

    @Test
    void pagesCoverEveryAddressOnceAndTheLastHasNoCursor() {
        Set<String> created = addAddresses(Tokens.ALICE, 7);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(Tokens.alice()).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/profile/addresses");
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("items.id");
            ids.forEach(id -> assertEquals(true, seen.add(id), "seen twice: " + id));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(created, seen);
        assertEquals(3, pages);
    }

    @Test
    void aPageThatEndsAtTheLastAddressHasNoCursor() {
        addAddresses(Tokens.ALICE, 4);
        Response first = as(Tokens.alice()).queryParam("limit", 2).get("/api/profile/addresses");
        first.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue());
        Response last = as(Tokens.alice()).queryParam("limit", 2).queryParam("cursor", first.jsonPath().getString("nextCursor"))
                .get("/api/profile/addresses");
        last.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", nullValue());
        as(Tokens.alice()).queryParam("limit", 4).get("/api/profile/addresses")
                .then().statusCode(200).body("items.size()", equalTo(4)).body("nextCursor", nullValue());
    }

    @Test
    void cursorRevealsNoKey() {
        addAddresses(Tokens.ALICE, 2);
        String cursor = as(Tokens.alice()).queryParam("limit", 1).get("/api/profile/addresses").jsonPath().getString("nextCursor");
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(decoded.contains("ADDRESS#"), decoded);
        assertFalse(decoded.contains(Tokens.ALICE), decoded);
    }

    @Test
    void tamperedCursorIsRejected() {
        addAddresses(Tokens.ALICE, 2);
        String cursor = firstCursor(Tokens.alice());
        char[] chars = cursor.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        rejects(Tokens.alice(), new String(chars));
    }

    @Test
    void cursorReplayedByAnotherUserIsRejected() {
        addAddresses(Tokens.ALICE, 2);
        addAddresses(Tokens.BOB, 2);
        rejects(Tokens.bob(), firstCursor(Tokens.alice()));
        as(Tokens.alice()).queryParam("cursor", firstCursor(Tokens.alice())).get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void cursorSealedForAnotherEndpointIsRejected() {
        addAddresses(Tokens.ALICE, 2);
        String foreign = sealer.seal(Tokens.ALICE, "GET /api/admin/profiles", "ADDRESS#0");
        rejects(Tokens.alice(), foreign);
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "eyJ1c2VyX2lkIjp7IlMiOiJib2IifX0", "%00", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
    void garbageCursorsAreRejected(String cursor) {
        rejects(Tokens.alice(), cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "101", "-1", "abc" })
    void limitOutsideOneToHundredIsRejected(String limit) {
        as(Tokens.alice()).queryParam("limit", limit).get("/api/profile/addresses").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void postedAddressComesBackWithLocation() {
        ensureProfile(Tokens.alice());
        Response created = as(Tokens.alice()).body("""
                {"label": "work", "line1": "5 Quay", "line2": "Floor 2", "city": "Dublin", "postalCode": "D02 X285", "country": "IE"}
                """).post("/api/profile/addresses");
        created.then().statusCode(201).body("city", equalTo("Dublin")).body("nextCursor", nullValue());
        String id = created.jsonPath().getString("id");
        assertEquals("/api/profile/addresses/" + id, created.header("Location"), "relative: the Host header is not reflected");
        assertEquals(Set.of("id", "label", "line1", "line2", "city", "postalCode", "country"),
                created.jsonPath().getMap("").keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"line1\": \"x\", \"city\": \"c\", \"postalCode\": \"1\", \"country\": \"usa\"}",
            "{\"city\": \"c\", \"postalCode\": \"1\", \"country\": \"US\"}",
            "{\"line1\": \"x\", \"city\": \"c\", \"postalCode\": \"1\", \"country\": \"US\", \"id\": \"mine\"}",
            "{\"line1\": \"x\", \"city\": \"c\", \"postalCode\": \"1\", \"country\": \"US\", \"userId\": \"bob\"}"
    })
    void invalidAddressesAreRejected(String body) {
        as(Tokens.alice()).body(body).post("/api/profile/addresses").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, rawPartition(Tokens.ALICE).size());
    }

    private static void rejects(String token, String cursor) {
        as(token).queryParam("cursor", cursor).get("/api/profile/addresses").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static String firstCursor(String token) {
        String cursor = as(token).queryParam("limit", 1).get("/api/profile/addresses").jsonPath().getString("nextCursor");
        org.junit.jupiter.api.Assertions.assertNotNull(cursor);
        return cursor;
    }

    private Set<String> addAddresses(String owner, int count) {
        String token = owner.equals(Tokens.ALICE) ? Tokens.alice() : Tokens.bob();
        ensureProfile(token);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(as(token).body("""
                    {"label": "l%d", "line1": "%d Road", "city": "Town", "postalCode": "1000", "country": "DE"}
                    """.formatted(i, i)).post("/api/profile/addresses").then().statusCode(201).extract().path("id"));
        }
        return ids;
    }
}
