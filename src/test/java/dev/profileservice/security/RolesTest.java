package dev.profileservice.security;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Roles come from {@code groups} or from Keycloak's {@code realm_access.roles}; nothing else grants admin. */
@QuarkusTest
class RolesTest extends ApiTest {

    @Test
    void adminRoleFromGroupsClaimIsHonoured() {
        plantLegacyProfile(Tokens.BOB);
        as(Tokens.user(Tokens.ADMIN, "carol", Set.of("admin"))).get("/api/admin/profiles/" + Tokens.BOB)
                .then().statusCode(200);
    }

    @Test
    void adminRoleFromKeycloakRealmAccessIsHonoured() {
        plantLegacyProfile(Tokens.BOB);
        String keycloakStyle = Tokens.claims(Tokens.ADMIN, "carol")
                .claim("realm_access", Map.of("roles", java.util.List.of("admin", "user"))).sign();
        as(keycloakStyle).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
    }

    @Test
    void adminInOtherClaimsIsNotARole() {
        plantLegacyProfile(Tokens.BOB);
        String sneaky = Tokens.claims(Tokens.ADMIN, "admin")
                .claim("roles", java.util.List.of("admin"))
                .claim("scope", "admin")
                .claim("resource_access", Map.of("other-client", Map.of("roles", java.util.List.of("admin"))))
                .groups(Set.of("user")).sign();
        as(sneaky).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(403);
    }

    @Test
    void ownerIsTheSubjectNotThePrincipalName() {
        // alice's token says preferred_username=alice and upn=alice@example.org; her data is keyed by sub.
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        org.junit.jupiter.api.Assertions.assertFalse(rawItem(Tokens.ALICE, "PROFILE").isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(rawPartition("alice").isEmpty());
        org.junit.jupiter.api.Assertions.assertTrue(rawPartition("alice@example.org").isEmpty());
    }
}
