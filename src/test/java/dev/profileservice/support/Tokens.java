package dev.profileservice.support;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed access tokens for tests, shaped like Keycloak's: {@code typ: Bearer}, roles as client
 * roles of this service in {@code resource_access}. The subject is deliberately unlike the user
 * name, as with Keycloak, so that code reading the principal name instead of {@code sub} fails.
 */
public final class Tokens {

    public static final String ISSUER = "https://idp.test.example/realms/profile";
    public static final String AUDIENCE = "profile-service";

    public static final String ALICE = "3f1c9a52-alice-sub";
    public static final String BOB = "8d2e4b71-bob-sub";
    public static final String ADMIN = "c5a0e9d3-admin-sub";

    private Tokens() {
    }

    public static String alice() {
        return user(ALICE, "alice", Set.of("user"));
    }

    public static String bob() {
        return user(BOB, "bob", Set.of("user"));
    }

    public static String admin() {
        return user(ADMIN, "carol", Set.of("user", "admin"));
    }

    /** A token whose roles are this service's client roles, where the service reads roles. */
    public static String user(String subject, String name, Set<String> roles) {
        return clientRoles(claims(subject, name), roles).sign();
    }

    /** Keycloak's place for client roles: {@code resource_access/<client-id>/roles}. */
    public static JwtClaimsBuilder clientRoles(JwtClaimsBuilder claims, Set<String> roles) {
        return claims.claim("resource_access", Map.of(AUDIENCE, Map.of("roles", List.copyOf(roles))));
    }

    /** Claims of a valid token, for tests that then break one of them. */
    public static JwtClaimsBuilder claims(String subject, String name) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName(name)
                .upn(name + "@example.org")
                .claim("typ", "Bearer")
                .expiresIn(300);
    }
}
