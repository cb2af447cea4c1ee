package dev.profileservice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.BrowserFlow;
import dev.profileservice.support.KeycloakProfile;
import dev.profileservice.support.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * The web app's browser flows (the same script as {@link BrowserFlowTest}) through Keycloak's own
 * login page, session and end-session endpoint: sign in, use the page, sign out (Keycloak asks to
 * confirm, as no ID token is sent to it), for alice, bob and the admin carol.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakBrowserFlowTest extends ApiTest {

    private final KeycloakServer keycloak = KeycloakServer.get();

    @Test
    void theWebAppSignsInAndOutThroughKeycloak() throws Exception {
        String aliceSub = claims(accessToken("alice")).getString("sub");
        for (String user : List.of("alice", "bob", "carol")) {
            deletePartition(claims(accessToken(user)).getString("sub"));
        }
        int before = KeycloakServer.accessLog().size();
        BrowserFlow.run(new BrowserFlow.Idp(this::accessToken,
                Map.of("alice", user("alice"), "bob", user("bob"), "admin", user("carol")), aliceSub, null),
                Path.of("target", "browser-keycloak"));

        List<String> log = KeycloakServer.accessLog();
        List<String> flow = log.subList(before, log.size());
        for (String step : List.of("GET /realms/profile/protocol/openid-connect/auth?",
                "POST /realms/profile/login-actions/authenticate?", "POST /realms/profile/protocol/openid-connect/token ",
                "GET /realms/profile/protocol/openid-connect/logout?")) {
            assertTrue(flow.stream().anyMatch(r -> r.contains(step)), () -> "Keycloak never saw " + step + " in " + flow);
        }
        assertTrue(log.stream().noneMatch(r -> r.contains("introspect")), "introspection was called");
    }

    private String accessToken(String user) {
        Map<String, Object> response = keycloak.token("profile", Map.of("grant_type", "password", "client_id", "profile-service",
                "client_secret", keycloak.clientSecret(), "username", user, "password", keycloak.userPassword()));
        assertEquals(200, response.get("httpStatus"), response::toString);
        return response.get("access_token").toString();
    }

    private Map<String, String> user(String name) {
        return Map.of("username", name, "password", keycloak.userPassword());
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
