package dev.profileservice.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service at the test JVM's one Keycloak ({@link KeycloakServer}), realm {@code profile}.
 * Stopping it is left to the JVM's end: application restarts between test classes reuse it.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.get();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.issuer("profile"),
                "quarkus.oidc.credentials.secret", keycloak.clientSecret());
    }

    @Override
    public void stop() {
        // The same Keycloak serves every later application start of this JVM; a shutdown hook stops it.
    }
}
