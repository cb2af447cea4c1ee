package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OidcTenantConfigBuilder.RolesBuilder;
import io.quarkus.oidc.runtime.OidcUtils;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.json.JsonObject;

/**
 * The token and role rules as each profile resolves them from application.properties, run through
 * Quarkus' own role lookup. Dev mode is covered here because no test runs it: the OIDC Dev Service
 * puts alice's roles in {@code groups} and sets no {@code typ}, and alice must stay an admin.
 */
class SecurityConfigProfilesTest {

    @ParameterizedTest
    @ValueSource(strings = { "prod", "dev", "test" })
    void introspectionIsOffInEveryProfile(String profile) {
        SmallRyeConfig config = config(profile);
        assertFalse(config.getValue("quarkus.oidc.token.allow-jwt-introspection", Boolean.class));
        assertFalse(config.getValue("quarkus.oidc.token.allow-opaque-token-introspection", Boolean.class));
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "test" })
    void rolesAreThisClientsKeycloakClientRoles(String profile) {
        SmallRyeConfig config = config(profile);
        String client = config.getValue("quarkus.oidc.client-id", String.class);
        JsonObject keycloakToken = new JsonObject("""
                {"realm_access": {"roles": ["admin", "offline_access"]}, "groups": ["admin"],
                 "resource_access": {"%s": {"roles": ["user"]}, "other-app": {"roles": ["admin"]}}}
                """.formatted(client));
        assertEquals(List.of("user"), roles(config, keycloakToken));
        JsonObject clientAdmin = new JsonObject("{\"resource_access\": {\"" + client + "\": {\"roles\": [\"admin\"]}}}");
        assertEquals(List.of("admin"), roles(config, clientAdmin));
    }

    @ParameterizedTest
    @ValueSource(strings = { "prod", "test" })
    void bearerTokensMustBeKeycloakAccessTokens(String profile) {
        AccessTokenType type = config(profile).getConfigMapping(AccessTokenType.class);
        assertEquals("typ", type.claim());
        assertTrue(type.accepts("Bearer"));
        assertFalse(type.accepts("ID"));
        assertFalse(type.accepts(null));
    }

    @Test
    void devModesAliceFromTheOidcDevServiceIsStillAnAdmin() {
        SmallRyeConfig config = config("dev");
        // The shape of the Dev Service's access token (OidcDevServicesProcessor): sub, groups, no aud, no typ.
        List<String> aliceRoles = List.of(config.getValue("quarkus.oidc.devservices.roles.alice", String[].class));
        List<String> bobRoles = List.of(config.getValue("quarkus.oidc.devservices.roles.bob", String[].class));
        JsonObject alice = new JsonObject().put("sub", "alice").put("groups", aliceRoles);
        JsonObject bob = new JsonObject().put("sub", "bob").put("groups", bobRoles);
        assertTrue(roles(config, alice).contains("admin"), () -> "alice's roles in dev: " + roles(config, alice));
        assertFalse(roles(config, bob).contains("admin"));
        assertTrue(config.getConfigMapping(AccessTokenType.class).accepts(alice.getValue("typ")),
                "dev-mode tokens carry no typ and must still pass");
    }

    private static List<String> roles(SmallRyeConfig config, JsonObject token) {
        List<String> paths = List.of(config.getValue("quarkus.oidc.roles.role-claim-path", String[].class));
        return OidcUtils.findRoles(config.getValue("quarkus.oidc.client-id", String.class),
                new RolesBuilder().roleClaimPath(paths).build(), token);
    }

    private static SmallRyeConfig config(String profile) {
        try {
            return new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    .withProfile(profile)
                    .withSources(new PropertiesConfigSource(
                            SecurityConfigProfilesTest.class.getClassLoader().getResource("application.properties")))
                    .withMapping(AccessTokenType.class)
                    .build();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
