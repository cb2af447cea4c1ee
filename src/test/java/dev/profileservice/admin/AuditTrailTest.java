package dev.profileservice.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Faults;
import dev.profileservice.support.ServiceLog;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Admin reads leave exact, structured audit events: a user id shaped like a phone number and an admin whose
 * {@code sub} is shaped like an email are both recorded as they are, while the searched email and the profile's
 * values never appear in an event. The {@code audit} category is routed here as docs/operations-data.md shows:
 * to a handler of its own that prints each event as a bare JSON line, and not to the main log.
 */
@QuarkusTest
@TestProfile(AuditTrailTest.AuditToItsOwnFile.class)
class AuditTrailTest extends ApiTest {

    static final Path AUDIT_FILE = Path.of("target", "audit-test.log");

    public static class AuditToItsOwnFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.log.handler.file.\"audit\".enabled", "true",
                    "quarkus.log.handler.file.\"audit\".path", AUDIT_FILE.toString(),
                    "quarkus.log.handler.file.\"audit\".format", "%s%n",
                    "quarkus.log.handler.file.\"audit\".filter", "pii-mask",
                    "quarkus.log.category.\"audit\".handlers", "audit",
                    "quarkus.log.category.\"audit\".use-parent-handlers", "false");
        }
    }

    private static final String PHONE_SHAPED_USER = "+14155552671";
    private static final String EMAIL_SHAPED_ADMIN = "ops.admin@corp.example";
    private static final String DISPLAY_NAME = "Phone Shaped";
    private static final String EMAIL = "phone.shaped@example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String admin = Tokens.user(EMAIL_SHAPED_ADMIN, "ops", Set.of("user", "admin"));

    /** The user signs up through the API, so the email index finds them. */
    private static void createPhoneShapedUser() {
        as(Tokens.user(PHONE_SHAPED_USER, "phone", Set.of("user"))).body("{\"displayName\": \"" + DISPLAY_NAME
                + "\", \"email\": \"" + EMAIL + "\", \"ssn\": \"219-09-9999\"}").put("/api/profile").then().statusCode(201);
    }

    @AfterEach
    void removeTheUser() {
        deletePartition(PHONE_SHAPED_USER);
    }

    /** Every line of the audit file is one JSON event; nothing else is written there. */
    private static List<JsonNode> auditEvents() {
        try {
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(AUDIT_FILE, StandardCharsets.UTF_8)) {
                JsonNode node = JSON.readTree(line);
                assertEquals("audit", node.path("loggerName").asText("audit"), "only audit events here: " + line);
                // the handler prints the bare event, or (with JSON formatting on for file handlers) a log record
                events.add(node.has("loggerName") ? JSON.readTree(node.path("message").asText()) : node);
            }
            return events;
        } catch (IOException e) {
            throw new AssertionError("the audit file holds a line that is not JSON", e);
        }
    }

    private static JsonNode lastEvent(String action, String target) {
        List<JsonNode> events = auditEvents().stream()
                .filter(e -> action.equals(e.path("action").asText()) && target.equals(e.path("target").asText(null)))
                .toList();
        assertFalse(events.isEmpty(), "no audit event " + action + " for " + target + " in " + auditEvents());
        return events.get(events.size() - 1);
    }

    @Test
    void auditEventsGoToTheirOwnHandlerOnly() {
        createPhoneShapedUser();
        as(admin).get("/api/admin/profiles/" + PHONE_SHAPED_USER).then().statusCode(200);
        assertFalse(auditEvents().isEmpty());
        assertTrue(ServiceLog.auditEvents().stream().noneMatch(e -> EMAIL_SHAPED_ADMIN.equals(e.path("actor").asText())),
                "the main log holds audit events too");
    }

    @Test
    void adminReadOfAPhoneShapedUserByAnEmailShapedAdminIsRecordedExactly() {
        createPhoneShapedUser();
        Instant before = Instant.now();
        as(admin).get("/api/admin/profiles/" + PHONE_SHAPED_USER).then().statusCode(200);

        JsonNode event = lastEvent("admin.profile.read", PHONE_SHAPED_USER);
        assertEquals(EMAIL_SHAPED_ADMIN, event.path("actor").asText());
        assertEquals(PHONE_SHAPED_USER, event.path("target").asText());
        assertEquals("found", event.path("outcome").asText());
        assertFalse(event.has("errorId"));
        Instant time = Instant.parse(event.path("time").asText());
        assertTrue(!time.isBefore(before.minusSeconds(1)) && time.isBefore(Instant.now().plus(Duration.ofSeconds(1))), "time " + time);
        assertEquals(Set.of("time", "actor", "action", "target", "outcome"), fieldNames(event), "nothing but the schema");
    }

    @Test
    void lookupByEmailRecordsWhoWasFoundButNeverTheSearchedEmailNorAnyValue() {
        createPhoneShapedUser();
        String searched = EMAIL.toUpperCase(java.util.Locale.ROOT);
        adminSearch(admin, searched).then().statusCode(200);
        adminSearch(admin, "nobody.here@legacy.example.org").then().statusCode(200);

        JsonNode event = lastEvent("admin.profile.search", PHONE_SHAPED_USER);
        assertEquals(EMAIL_SHAPED_ADMIN, event.path("actor").asText());
        assertEquals("found", event.path("outcome").asText());
        String all = auditEvents().toString();
        for (String value : List.of(EMAIL, "phone.shaped", "nobody.here", DISPLAY_NAME, "219-09-9999")) {
            assertFalse(all.contains(value), "an audit event carries " + value);
        }
        JsonNode missed = auditEvents().get(auditEvents().size() - 1);
        assertEquals("not_found", missed.path("outcome").asText());
        assertTrue(missed.path("target").isNull(), "no target when no one was found: " + missed);
    }

    @Test
    void aFailedReadIsRecordedWithTheErrorIdTheAdminWasGiven() {
        String errorId = as(admin).get("/api/admin/profiles/" + Faults.ITEM_IN_ERROR).then().statusCode(500)
                .extract().path("errorId");
        assertNotNull(errorId);
        JsonNode event = lastEvent("admin.profile.read", Faults.ITEM_IN_ERROR);
        assertEquals("error", event.path("outcome").asText());
        assertEquals(errorId, event.path("errorId").asText());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
