package dev.profileservice.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.OidcCodeFlow;
import dev.profileservice.support.OidcServerResource;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Runs the web app's flows in Debian's Chromium (src/test/js/browser-flow.mjs, driven by the
 * pinned playwright-core) against this test instance and the test IdP, and relays its output.
 * Screenshots and the downloaded export land in target/browser/.
 */
@QuarkusTest
class BrowserFlowTest extends ApiTest {

    private static final Path OUT = Path.of("target", "browser");
    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void theWebAppWorksInARealBrowserAndLeaksNothing() throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: apt-get install chromium (.ci/run does)");
        assertTrue(Files.isDirectory(Path.of("node_modules", "playwright-core")), "playwright-core is missing: run 'npm ci'");
        Files.createDirectories(OUT);
        Path fixture = OUT.resolve("fixture.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(fixture.toFile(), fixture());

        Process node = new ProcessBuilder("node", "src/test/js/browser-flow.mjs", fixture.toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> {
                System.out.println("[browser] " + line);
                output.add(line);
            });
        }
        if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        assertEquals(0, node.exitValue(), "browser flows failed:\n" + String.join("\n", output));
        assertTrue(output.stream().anyMatch(line -> line.startsWith("browser flows: ")), "the flows ran to the end");
    }

    /** Alice with a profile and six addresses, bob with a profile, written through the API as bearer clients. */
    private Map<String, Object> fixture() {
        String ssn = "123-45-6789";
        as(Tokens.alice()).body(Map.of("displayName", "Alice Anders", "email", "alice.anders@example.org",
                "phone", "+12025550143", "locale", "en-US", "ssn", ssn)).put("/api/profile").then().statusCode(201);
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            lines.add(i + " Alice Road");
            ids.add(as(Tokens.alice()).body(Map.of("label", "Place " + i, "line1", i + " Alice Road", "city", "Aliceton",
                    "postalCode", "AL" + i, "country", "GB")).post("/api/profile/addresses").then().statusCode(201)
                    .extract().path("id"));
        }
        as(Tokens.bob()).body(Map.of("displayName", "Bob Brown", "email", "bob.brown@example.org")).put("/api/profile")
                .then().statusCode(201);
        boolean adminSearch = as(Tokens.admin()).body(Map.of("email", "alice.anders@example.org"))
                .post("/api/admin/profiles/search").statusCode() == 200;
        String idp = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return Map.of(
                "baseUrl", "http://127.0.0.1:" + RestAssured.port,
                "idpCallsUrl", idp.replace(OidcServerResource.REALM_PATH, OidcServerResource.CALLS_PATH),
                "outDir", OUT.toString(),
                "chromium", CHROMIUM,
                "adminSearch", adminSearch,
                "users", Map.of("alice", user("alice"), "bob", user("bob"), "admin", user("carol")),
                "alice", Map.of("userId", Tokens.ALICE, "displayName", "Alice Anders", "email", "alice.anders@example.org",
                        "phone", "+12025550143", "ssn", ssn, "ssnLast4", "6789", "addresses", ids.size(),
                        "addressLines", lines, "addressIds", ids),
                "bob", Map.of("displayName", "Bob Brown", "email", "bob.brown@example.org"));
    }

    private static Map<String, String> user(String name) {
        return Map.of("username", name, "password", OidcCodeFlow.password(name));
    }
}
