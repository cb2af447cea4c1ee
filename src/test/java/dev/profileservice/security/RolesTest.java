package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.AdminEndpoints;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Roles come from this client's roles only, Keycloak's {@code resource_access/<client-id>/roles}
 * (issue 11, item 2). A realm-wide {@code admin}, granted for some other application, opens nothing.
 * Every admin endpoint is found in the OpenAPI document, so an endpoint added later is covered too.
 */
@QuarkusTest
class RolesTest extends ApiTest {

    @Test
    void clientRoleAdminOpensEveryAdminEndpoint() {
        plantLegacyProfile(Tokens.BOB);
        as(Tokens.user(Tokens.ADMIN, "carol", Set.of("admin"))).get("/api/admin/profiles/" + Tokens.BOB)
                .then().statusCode(200);
        for (String endpoint : AdminEndpoints.all(Tokens.BOB)) {
            int status = AdminEndpoints.call(Tokens.admin(), endpoint).statusCode();
            assertTrue(status != 401 && status != 403 && status < 500, endpoint + " answered " + status);
        }
    }

    @Test
    void realmRoleAdminOnlyIsForbiddenOnEveryAdminEndpoint() {
        plantLegacyProfile(Tokens.BOB);
        String realmAdmin = Tokens.claims(Tokens.ADMIN, "carol")
                .claim("realm_access", Map.of("roles", List.of("admin", "user"))).sign();
        for (String endpoint : AdminEndpoints.all(Tokens.BOB)) {
            AdminEndpoints.call(realmAdmin, endpoint).then().statusCode(403).contentType("application/problem+json");
        }
        // The same user with the client role gets in: the 403 is about where the role sits.
        as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
    }

    @Test
    void adminInGroupsOrAnotherClientIsNotARole() {
        plantLegacyProfile(Tokens.BOB);
        String groupsAdmin = Tokens.claims(Tokens.ADMIN, "carol").groups(Set.of("admin")).sign();
        String sneaky = Tokens.claims(Tokens.ADMIN, "admin")
                .claim("roles", List.of("admin"))
                .claim("scope", "admin")
                .claim("resource_access", Map.of("other-client", Map.of("roles", List.of("admin")),
                        Tokens.AUDIENCE, Map.of("roles", List.of("user"))))
                .groups(Set.of("admin")).sign();
        for (String endpoint : AdminEndpoints.all(Tokens.BOB)) {
            AdminEndpoints.call(groupsAdmin, endpoint).then().statusCode(403);
            AdminEndpoints.call(sneaky, endpoint).then().statusCode(403);
        }
    }

    @Test
    void ownerIsTheSubjectNotThePrincipalName() {
        // alice's token says preferred_username=alice and upn=alice@example.org; her data is keyed by sub.
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        assertFalse(rawItem(Tokens.ALICE, "PROFILE").isEmpty());
        assertTrue(rawPartition("alice").isEmpty());
        assertTrue(rawPartition("alice@example.org").isEmpty());
    }
}
