package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.AdminEndpoints;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.KeycloakProfile;
import dev.profileservice.support.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Roles from a real Keycloak: carol's client role {@code admin} of profile-service opens every
 * admin endpoint; rita's realm-wide {@code admin} opens none. Runs on the same Keycloak as
 * {@link KeycloakTokensTest}, and on the same application start (same test profile).
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakRolesTest extends ApiTest {

    private final KeycloakServer keycloak = KeycloakServer.get();

    @Test
    void clientRoleAdminOpensEveryAdminEndpoint() {
        String alice = accessToken("alice");
        String aliceSub = KeycloakTokensTest.claims(alice).getString("sub");
        deletePartition(aliceSub);
        as(alice).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        String carol = accessToken("carol");
        assertEquals(List.of("admin", "user"), roles(carol).getJsonObject("profile-service").getJsonArray("roles").getList()
                .stream().sorted().toList());
        as(carol).get("/api/admin/profiles/" + aliceSub).then().statusCode(200)
                .body("userId", org.hamcrest.Matchers.equalTo(aliceSub));
        for (String endpoint : AdminEndpoints.all(aliceSub)) {
            int status = AdminEndpoints.call(carol, endpoint).statusCode();
            assertTrue(status != 401 && status != 403 && status < 500, endpoint + " answered " + status);
        }
    }

    @Test
    void realmWideAdminIsForbiddenOnEveryAdminEndpoint() {
        String rita = accessToken("rita");
        JsonObject claims = KeycloakTokensTest.claims(rita);
        assertTrue(claims.getJsonObject("realm_access").getJsonArray("roles").contains("admin"), claims::encode);
        for (String endpoint : AdminEndpoints.all(claims.getString("sub"))) {
            AdminEndpoints.call(rita, endpoint).then().statusCode(403).contentType("application/problem+json");
        }
        as(rita).get("/api/profile/addresses").then().statusCode(200);
    }

    private String accessToken(String user) {
        Map<String, Object> response = keycloak.token("profile", Map.of("grant_type", "password", "client_id", "profile-service",
                "client_secret", keycloak.clientSecret(), "username", user, "password", keycloak.userPassword()));
        assertEquals(200, response.get("httpStatus"), response::toString);
        return response.get("access_token").toString();
    }

    private static JsonObject roles(String token) {
        return KeycloakTokensTest.claims(token).getJsonObject("resource_access");
    }
}
