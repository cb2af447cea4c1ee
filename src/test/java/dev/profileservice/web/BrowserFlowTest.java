package dev.profileservice.web;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.BrowserFlow;
import dev.profileservice.support.OidcCodeFlow;
import dev.profileservice.support.OidcServerResource;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs the web app's flows in Debian's Chromium ({@link BrowserFlow}) against this test instance
 * and the test IdP ({@link OidcCodeFlow}). Screenshots and the downloaded export land in
 * target/browser/. {@code security/KeycloakBrowserFlowTest} runs the same flows through Keycloak.
 */
@QuarkusTest
class BrowserFlowTest extends ApiTest {

    @Test
    void theWebAppWorksInARealBrowserAndLeaksNothing() throws Exception {
        String idp = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        Map<String, String> tokens = Map.of("alice", Tokens.alice(), "bob", Tokens.bob(), "carol", Tokens.admin());
        BrowserFlow.run(new BrowserFlow.Idp(tokens::get,
                Map.of("alice", user("alice"), "bob", user("bob"), "admin", user("carol")), Tokens.ALICE,
                idp.replace(OidcServerResource.REALM_PATH, OidcServerResource.CALLS_PATH)), Path.of("target", "browser"));
    }

    private static Map<String, String> user(String name) {
        return Map.of("username", name, "password", OidcCodeFlow.password(name));
    }
}
