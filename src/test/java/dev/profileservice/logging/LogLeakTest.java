package dev.profileservice.logging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Faults;
import dev.profileservice.support.LeakyRequests;
import dev.profileservice.support.ServiceLog;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Drives the running service through the paths that log sensitive data, then reads the JSON
 * log file the test profile writes (through the same masking filter as the console, with the
 * service, OIDC, security, REST and AWS SDK request loggers at DEBUG): every line must be JSON,
 * and no planted value or credential may appear anywhere in it.
 */
@QuarkusTest
class LogLeakTest extends ApiTest {

    private static final Path LOG = Path.of("target", "service-test.log");
    private static final String LEAKY_EMAIL = "leaky.person" + "@" + "example.org";
    private static final String LEAKY_SSN = "078-05-" + "1120";
    private static final String LEAKY_PHONE = "+4420" + "79460958";

    @Test
    void sensitivePathsLeaveNoPlantedValueInAnyLogLine() throws IOException {
        plantLegacyProfile(Tokens.BOB);
        String alice = Tokens.alice();
        String admin = Tokens.admin();
        List<String> errorIds = new ArrayList<>();

        as(alice).get("/api/profile");
        given().header("Authorization", "Bearer " + alice.substring(0, alice.length() - 4) + "AAAA").get("/api/profile");
        as(alice).body("{\"displayName\": \"\", \"email\": \"" + LEAKY_EMAIL + "\", \"ssn\": \"" + LEAKY_SSN
                + "\", \"phone\": \"" + LEAKY_PHONE + "x\"}").put("/api/profile").then().statusCode(400);
        as(alice).body("{\"displayName\": \"A\", \"password\": \"" + Faults.DB_PASSWORD + "\", \"email\": \"" + LEAKY_EMAIL
                + "\"}").put("/api/profile").then().statusCode(400);
        as(alice).body("{\"email\": \"" + LEAKY_EMAIL + "\", \"ssn\": " + LEAKY_SSN.replace("-", "") + "0}")
                .put("/api/profile").then().statusCode(400);
        as(alice).body("{\"ssn\": \"" + LEAKY_SSN + "\", ").put("/api/profile").then().statusCode(400);
        errorIds.add(as(alice).get("/api/profiles/" + Faults.ITEM_IN_ERROR).then().statusCode(500)
                .extract().path("errorId"));
        errorIds.add(as(alice).get("/api/profiles/" + Faults.SECRET_IN_CAUSE).then().statusCode(500)
                .extract().path("errorId"));
        as(admin).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
        adminSearch(admin, "8d2e4b71@legacy.example.org").then().statusCode(200);
        LeakyRequests leaky = new LeakyRequests();
        leaky.send(alice, "/api/profile");

        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty(), "no log output captured in " + LOG);
        ObjectMapper json = new ObjectMapper();
        List<String> planted = new ArrayList<>(Faults.plantedValues());
        planted.addAll(leaky.values());
        planted.addAll(List.of(LEAKY_EMAIL, LEAKY_SSN, LEAKY_PHONE, alice, admin, alice.split("\\.")[2],
                PLANTED_PASSWORD_HASH, PLANTED_SSN, PLANTED_NOTES, "8d2e4b71@legacy.example.org"));
        for (String line : lines) {
            try {
                json.readTree(line);
            } catch (IOException e) {
                fail("not a JSON line: " + line);
            }
            for (String value : planted) {
                assertFalse(line.contains(value), "log leaks '" + value + "': " + line);
            }
        }
        String all = String.join("\n", lines);
        for (String errorId : errorIds) {
            assertTrue(all.contains(errorId), "errorId " + errorId + " is not logged for correlation");
        }
        assertTrue(ServiceLog.auditEvents().stream().anyMatch(e -> "admin.profile.read".equals(e.path("action").asText())
                && Tokens.ADMIN.equals(e.path("actor").asText()) && Tokens.BOB.equals(e.path("target").asText())),
                "audit event missing or mangled");
    }
}
