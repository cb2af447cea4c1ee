package dev.profileservice.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Object-level authorization, attacked: alice tries every way to reach bob's data. Each denial
 * sits beside its allowed twin, so a test that passes because everything is denied fails.
 */
@QuarkusTest
class BolaMatrixTest extends ApiTest {

    private String bobAddressId;

    void bobHasAProfileAndAnAddress() {
        as(Tokens.bob()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        bobAddressId = as(Tokens.bob()).body(address("1 Bob Street")).post("/api/profile/addresses")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void readOtherUsersAddressWhenNotOwnerThenNotFound() {
        bobHasAProfileAndAnAddress();
        as(Tokens.bob()).get("/api/profile/addresses/" + bobAddressId).then().statusCode(200);
        as(Tokens.alice()).get("/api/profile/addresses/" + bobAddressId).then().statusCode(404);
    }

    @Test
    void deleteOtherUsersAddressWhenNotOwnerThenNotFoundAndItSurvives() {
        bobHasAProfileAndAnAddress();
        as(Tokens.alice()).delete("/api/profile/addresses/" + bobAddressId).then().statusCode(404)
                .contentType("application/problem+json");
        assertFalse(rawItem(Tokens.BOB, "ADDRESS#" + bobAddressId).isEmpty());
        as(Tokens.bob()).delete("/api/profile/addresses/" + bobAddressId).then().statusCode(204);
        assertTrue(rawItem(Tokens.BOB, "ADDRESS#" + bobAddressId).isEmpty());
    }

    @Test
    void missingAddressAndForeignAddressAnswerAlike() {
        bobHasAProfileAndAnAddress();
        Response foreign = as(Tokens.alice()).delete("/api/profile/addresses/" + bobAddressId);
        Response missing = as(Tokens.alice()).delete("/api/profile/addresses/00000000-0000-0000-0000-000000000000");
        assertEquals(missing.statusCode(), foreign.statusCode());
        assertEquals(missing.jsonPath().getString("title"), foreign.jsonPath().getString("title"));
        assertEquals(missing.jsonPath().getString("detail"), foreign.jsonPath().getString("detail"));
    }

    @Test
    void listAddressesShowsOnlyTheCallersOwn() {
        bobHasAProfileAndAnAddress();
        as(Tokens.bob()).get("/api/profile/addresses").then().statusCode(200).body("items.size()", equalTo(1));
        as(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void readOtherUsersProfileThroughPublicEndpointThenPublicViewOnly() {
        bobHasAProfileAndAnAddress();
        Response asOwner = as(Tokens.bob()).get("/api/profile");
        asOwner.then().statusCode(200).body("email", equalTo("alice@example.org"));
        Response asOther = as(Tokens.alice()).get("/api/profiles/" + Tokens.BOB);
        asOther.then().statusCode(200);
        assertEquals(Set.of("userId", "displayName", "avatarUrl"), asOther.jsonPath().getMap("").keySet());
    }

    @Test
    void ownerEndpointsIgnoreAnyUserIdInTheRequest() {
        bobHasAProfileAndAnAddress();
        // Identity comes from the token only: no header or query parameter of any owner route can point at bob.
        as(Tokens.bob()).get("/api/profile").then().statusCode(200);
        pointingAtBob(Tokens.alice()).get("/api/profile").then().statusCode(404);
        String export = pointingAtBob(Tokens.alice()).get("/api/profile/export").then().statusCode(200).extract().asString();
        assertFalse(export.contains(bobAddressId), export);
        assertFalse(export.contains(Tokens.BOB), export);
        pointingAtBob(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200).body("items.size()", equalTo(0));
        pointingAtBob(Tokens.alice()).header("If-Match", "\"1\"").body("{\"displayName\": \"pwned\"}").put("/api/profile")
                .then().statusCode(412);
        pointingAtBob(Tokens.alice()).delete("/api/profile").then().statusCode(204);
        assertEquals(2, rawPartition(Tokens.BOB).size());
        as(Tokens.bob()).get("/api/profile").then().statusCode(200).body("displayName", equalTo("Alice A."));
    }

    private static RequestSpecification pointingAtBob(String token) {
        return as(token).header("X-User-Id", Tokens.BOB).header("X-Forwarded-User", Tokens.BOB)
                .queryParam("userId", Tokens.BOB).queryParam("user_id", Tokens.BOB).queryParam("sub", Tokens.BOB);
    }

    @Test
    void changeOtherUsersProfileIsImpossible() {
        bobHasAProfileAndAnAddress();
        // alice's PUT with bob's ETag creates or touches alice's item only.
        as(Tokens.alice()).header("If-Match", "\"1\"").body("{\"displayName\": \"pwned\"}").put("/api/profile")
                .then().statusCode(412);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"displayName\": \"pwned\"}").patch("/api/profile").then().statusCode(412);
        as(Tokens.alice()).body("{\"displayName\": \"pwned\", \"userId\": \"" + Tokens.BOB + "\"}").put("/api/profile")
                .then().statusCode(400);
        as(Tokens.bob()).get("/api/profile").then().statusCode(200).body("displayName", equalTo("Alice A."));
    }

    @Test
    void eraseTouchesOnlyTheCallersPartition() {
        bobHasAProfileAndAnAddress();
        as(Tokens.alice()).delete("/api/profile").then().statusCode(204);
        assertEquals(2, rawPartition(Tokens.BOB).size());
    }

    @Test
    void exportContainsOnlyTheCallersData() {
        bobHasAProfileAndAnAddress();
        as(Tokens.bob()).get("/api/profile/export").then().statusCode(200).body("addresses.size()", equalTo(1));
        String aliceExport = as(Tokens.alice()).get("/api/profile/export").then().statusCode(200).extract().asString();
        assertFalse(aliceExport.contains(bobAddressId), aliceExport);
        assertFalse(aliceExport.contains(Tokens.BOB), aliceExport);
    }

    @Test
    void adminEndpointsWhenNotAdminThenForbidden() {
        bobHasAProfileAndAnAddress();
        as(Tokens.alice()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(403)
                .contentType("application/problem+json");
        adminSearch(Tokens.alice(), "alice@example.org").then().statusCode(403);
        as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
        adminSearch(Tokens.admin(), "alice@example.org").then().statusCode(200);
    }

    @Test
    void everyEndpointWithoutTokenThenUnauthorized() {
        bobHasAProfileAndAnAddress();
        for (String path : new String[] { "/api/profile", "/api/profile/export", "/api/profile/addresses",
                "/api/profiles/" + Tokens.BOB, "/api/admin/profiles/" + Tokens.BOB }) {
            io.restassured.RestAssured.given().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .contentType("application/problem+json");
        }
        io.restassured.RestAssured.given().delete("/api/profile").then().statusCode(401);
        assertEquals(2, rawPartition(Tokens.BOB).size());
    }

    static String address(String line1) {
        return """
                {"label": "home", "line1": "%s", "city": "Springfield", "postalCode": "12345", "country": "US"}
                """.formatted(line1);
    }
}
