package dev.profileservice.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The web app's flows in Debian's Chromium (src/test/js/browser-flow.mjs, driven by the pinned
 * playwright-core) against this test instance, whichever IdP it uses: the IdP is a parameter
 * (how to get a bearer token for a user, the users' sign-in credentials, alice's {@code sub}).
 * Screenshots and the downloaded export land in {@code outDir}.
 */
public final class BrowserFlow {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 300;

    /** The IdP side: bearer tokens and sign-in credentials of alice, bob and the admin (carol), and alice's sub. */
    public record Idp(Function<String, String> accessToken, Map<String, Map<String, String>> users, String aliceUserId,
            String callsUrl) {
    }

    private BrowserFlow() {
    }

    /** Writes the fixture (data seeded through the API as bearer clients), runs the flows, relays their output. */
    public static List<String> run(Idp idp, Path outDir) throws Exception {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: apt-get install chromium (.ci/run does)");
        assertTrue(Files.isDirectory(Path.of("node_modules", "playwright-core")), "playwright-core is missing: run 'npm ci'");
        Files.createDirectories(outDir);
        Path fixture = outDir.resolve("fixture.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(fixture.toFile(), fixture(idp, outDir));

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
        return output;
    }

    /** Alice with a profile and six addresses, bob with a profile, written through the API as bearer clients. */
    private static Map<String, Object> fixture(Idp idp, Path outDir) {
        String ssn = "123-45-6789";
        String alice = idp.accessToken().apply("alice");
        as(alice).body(Map.of("displayName", "Alice Anders", "email", "alice.anders@example.org",
                "phone", "+12025550143", "locale", "en-US", "ssn", ssn)).put("/api/profile").then().statusCode(201);
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            lines.add(i + " Alice Road");
            ids.add(as(alice).body(Map.of("label", "Place " + i, "line1", i + " Alice Road", "city", "Aliceton",
                    "postalCode", "AL" + i, "country", "GB")).post("/api/profile/addresses").then().statusCode(201)
                    .extract().path("id"));
        }
        as(idp.accessToken().apply("bob")).body(Map.of("displayName", "Bob Brown", "email", "bob.brown@example.org"))
                .put("/api/profile").then().statusCode(201);
        boolean adminSearch = as(idp.accessToken().apply("carol")).body(Map.of("email", "alice.anders@example.org"))
                .post("/api/admin/profiles/search").statusCode() == 200;
        Map<String, Object> fixture = new HashMap<>(Map.of(
                "baseUrl", "http://127.0.0.1:" + RestAssured.port,
                "outDir", outDir.toString(),
                "chromium", CHROMIUM,
                "adminSearch", adminSearch,
                "users", idp.users(),
                "alice", Map.of("userId", idp.aliceUserId(), "displayName", "Alice Anders", "email", "alice.anders@example.org",
                        "phone", "+12025550143", "ssn", ssn, "ssnLast4", "6789", "addresses", ids.size(),
                        "addressLines", lines, "addressIds", ids),
                "bob", Map.of("displayName", "Bob Brown", "email", "bob.brown@example.org")));
        if (idp.callsUrl() != null) {
            fixture.put("idpCallsUrl", idp.callsUrl());
        }
        return fixture;
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
