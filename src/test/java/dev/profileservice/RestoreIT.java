package dev.profileservice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.profileservice.support.DynaliteResource;
import dev.profileservice.support.OidcServerResource;
import dev.profileservice.support.PackagedJar;
import dev.profileservice.support.ProdConfigResource;
import dev.profileservice.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The disaster-recovery drill of docs/operations-data.md on the packaged jar: write through the service, restore
 * (every item copied raw into a table under a new name), point the service at it with PROFILE_TABLE, and get every
 * profile, address page and open cursor back unchanged. Then the one thing that must never change, the logical
 * name (profile.crypto.context), is changed: nothing encrypted opens any more.
 */
class RestoreIT {

    private static final String ORIGINAL = "UserProfiles";
    private static final String RESTORED = "UserProfiles-restored-20261130";
    private static final List<String> USERS = List.of("restore-a-sub", "restore-b-sub", "restore-c-sub");

    private static final DynaliteResource DYNALITE = new DynaliteResource();
    private static final OidcServerResource OIDC = new OidcServerResource();
    private static final Map<String, String> CONFIG = new HashMap<>();

    @BeforeAll
    static void startBackends() {
        CONFIG.putAll(DYNALITE.start());
        CONFIG.putAll(OIDC.start());
        CONFIG.putAll(new ProdConfigResource().start()); // one pair of keysets for every start: they never change
        CONFIG.forEach(System::setProperty);
    }

    @AfterAll
    static void stopBackends() {
        OIDC.stop();
        DYNALITE.stop();
    }

    private static RequestSpecification as(PackagedJar jar, String user) {
        return given().port(jar.port()).auth().oauth2(Tokens.user(user, user, Set.of("user"))).contentType(ContentType.JSON);
    }

    /** Everything a user can read: the profile, the export, and every page of the address list (two per page). */
    private static Map<String, String> readAll(PackagedJar jar, String user) {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("profile", ok(as(jar, user).get("/api/profile")));
        seen.put("export", ok(as(jar, user).get("/api/profile/export")));
        String cursor = null;
        int page = 0;
        do {
            RequestSpecification request = as(jar, user).queryParam("limit", 2);
            JsonPath body = JsonPath.from(ok(cursor == null ? request.get("/api/profile/addresses")
                    : request.queryParam("cursor", cursor).get("/api/profile/addresses")));
            seen.put("addresses-" + page++, body.getList("items").toString()); // cursors are sealed afresh each time
            cursor = body.getString("nextCursor");
        } while (cursor != null);
        return seen;
    }

    private static String ok(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return response.asString();
    }

    @Test
    void aRestoredTableServesEveryProfileAndAddressUnchanged() throws Exception {
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        Map<String, String> openCursors = new HashMap<>();
        try (PackagedJar original = PackagedJar.start(CONFIG, Map.of("PROFILE_TABLE", ORIGINAL), Path.of("target", "restore-it-original.log"))) {
            for (String user : USERS) {
                as(original, user).body("{\"displayName\": \"Restored " + user + "\", \"email\": \"" + user
                        + "@example.org\", \"phone\": \"+14155550123\", \"ssn\": \"123-45-6789\", \"locale\": \"nl-NL\","
                        + " \"preferences\": {\"theme\": \"dark\"}}").put("/api/profile").then().statusCode(201);
                for (int i = 0; i < 3; i++) {
                    as(original, user).body("{\"line1\": \"" + i + " Restore Street\", \"city\": \"Kept\", \"postalCode\": \"10"
                            + i + "\", \"country\": \"NL\"}").post("/api/profile/addresses").then().statusCode(201);
                }
                before.put(user, readAll(original, user));
                openCursors.put(user, as(original, user).queryParam("limit", 2).get("/api/profile/addresses").jsonPath()
                        .getString("nextCursor"));
            }
            original.terminate();
            assertTrue(original.awaitExit(Duration.ofSeconds(30)));
        }

        int copied = TableDump.restoreAs(CONFIG.get("quarkus.dynamodb.endpoint-override"), ORIGINAL, RESTORED);
        assertEquals(USERS.size() * 4, copied, "one profile and three addresses per user");

        try (PackagedJar restored = PackagedJar.start(CONFIG, Map.of("PROFILE_TABLE", RESTORED), Path.of("target", "restore-it-restored.log"))) {
            for (String user : USERS) {
                assertEquals(before.get(user), readAll(restored, user), user + " reads differently from the restored table");
                String secondPage = JsonPath.from(ok(as(restored, user).queryParam("limit", 2)
                        .queryParam("cursor", openCursors.get(user)).get("/api/profile/addresses"))).getList("items").toString();
                assertEquals(before.get(user).get("addresses-1"), secondPage, "a cursor issued before the restore continues");
            }
            String admin = Tokens.user("restore-admin-sub", "admin", Set.of("user", "admin"));
            List<String> found = given().port(restored.port()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("email", USERS.get(1) + "@example.org")).post("/api/admin/profiles/search").then().statusCode(200).extract().jsonPath().getList("items.userId");
            assertEquals(List.of(USERS.get(1)), found, "the email lookup works on the restored table");
            restored.terminate();
            assertTrue(restored.awaitExit(Duration.ofSeconds(30)));
        }

        Map<String, String> renamed = Map.of("PROFILE_TABLE", RESTORED, "PROFILE_CRYPTO_CONTEXT", "UserProfiles-renamed");
        try (PackagedJar wrong = PackagedJar.start(CONFIG, renamed, Path.of("target", "restore-it-renamed.log"))) {
            Response response = as(wrong, USERS.get(0)).get("/api/profile");
            assertEquals(500, response.statusCode(), "a changed logical name must not open the data");
            assertNotNull(response.jsonPath().getString("errorId"));
            assertFalse(response.asString().contains("@example.org"));
            assertEquals(400, as(wrong, USERS.get(0)).queryParam("cursor", openCursors.get(USERS.get(0)))
                    .get("/api/profile/addresses").statusCode(),
                    "nor the cursors sealed under it");
        }
    }
}
