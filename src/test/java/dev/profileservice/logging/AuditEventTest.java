package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Audit events keep their ids exact through the masking filter (which would otherwise read a phone-shaped user
 * id as a phone and an email-shaped subject as an email), while records that merely look like audit events, and
 * every other record, are still masked.
 */
class AuditEventTest {

    private static final String PHONE_SHAPED_ID = "+14155552671";
    private static final String EMAIL_SHAPED_SUB = "ops.admin@example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MaskingFilter filter = new MaskingFilter(new LogRecordMasker(MaskingRules.defaults()));

    private static ExtLogRecord auditRecord(AuditEvent event) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, event.toJson(), FormatStyle.NO_FORMAT, AuditEvent.class.getName());
        record.setParameters(new Object[] { event });
        record.setLoggerName(AuditEvent.CATEGORY);
        return record;
    }

    @Test
    void idsThatLookLikePiiAreRecordedExactlyAndTheRecordParsesAsJson() throws Exception {
        AuditEvent event = new AuditEvent(Instant.parse("2026-11-30T10:00:00Z"), EMAIL_SHAPED_SUB, "admin.profile.read",
                PHONE_SHAPED_ID, "found", null);
        ExtLogRecord record = auditRecord(event);
        record.putMdc("note", "password=hunter2");
        assertTrue(filter.isLoggable(record));

        JsonNode audit = JSON.readTree(record.getFormattedMessage());
        assertEquals(EMAIL_SHAPED_SUB, audit.path("actor").asText());
        assertEquals(PHONE_SHAPED_ID, audit.path("target").asText());
        assertEquals("admin.profile.read", audit.path("action").asText());
        assertEquals("found", audit.path("outcome").asText());
        assertEquals("2026-11-30T10:00:00Z", audit.path("time").asText());
        assertFalse(audit.has("errorId"), "no errorId without an error");
        assertEquals("password=[REDACTED:password]", record.getMdc("note"), "the rest of the record is still masked");

        // and through the JSON formatter the console and file handlers use, the message is that same JSON
        JsonNode line = JSON.readTree(new JsonFormatter().format(record));
        assertEquals(PHONE_SHAPED_ID, JSON.readTree(line.path("message").asText()).path("target").asText());
    }

    @Test
    void aFailedReadCarriesItsErrorId() throws Exception {
        AuditEvent event = new AuditEvent(Instant.now(), "c5a0e9d3-admin-sub", "admin.profile.read", "u-1", "error",
                "0b8f6a8e-2c1d-4d7e-9d61-3f1d0f3a2b11");
        ExtLogRecord record = auditRecord(event);
        filter.isLoggable(record);
        assertEquals("0b8f6a8e-2c1d-4d7e-9d61-3f1d0f3a2b11", JSON.readTree(record.getFormattedMessage()).path("errorId").asText());
    }

    @Test
    void idsCannotForgeALineOrReorderOneOnScreenYetParseBackExactly() throws Exception {
        String hostile = "u1\n{\"actor\":\"root\"}\u202e";
        AuditEvent event = new AuditEvent(Instant.now(), "admin", "admin.profile.read", hostile, "not_found", null);
        ExtLogRecord record = auditRecord(event);
        filter.isLoggable(record);
        String text = record.getFormattedMessage();
        assertFalse(text.contains("\n") || text.contains("\u202e"), text);
        assertEquals(hostile, JSON.readTree(text).path("target").asText());
    }

    @Test
    void textThatOnlyImitatesAnAuditEventIsMaskedLikeAnyOther() {
        String forged = "{\"actor\":\"" + EMAIL_SHAPED_SUB + "\",\"target\":\"" + PHONE_SHAPED_ID + "\"}";
        for (Object[] parameters : List.of(new Object[0], new Object[] { "not an event" })) {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, forged, FormatStyle.NO_FORMAT, "x");
            record.setParameters(parameters);
            record.setLoggerName(AuditEvent.CATEGORY);
            filter.isLoggable(record);
            assertFalse(record.getFormattedMessage().contains(EMAIL_SHAPED_SUB), record.getFormattedMessage());
            assertFalse(record.getFormattedMessage().contains(PHONE_SHAPED_ID), record.getFormattedMessage());
        }
        // an event handed to another logger is not an audit record either
        AuditEvent event = new AuditEvent(Instant.now(), EMAIL_SHAPED_SUB, "a", PHONE_SHAPED_ID, "found", null);
        ExtLogRecord elsewhere = auditRecord(event);
        elsewhere.setLoggerName("dev.profileservice.admin");
        filter.isLoggable(elsewhere);
        assertFalse(elsewhere.getFormattedMessage().contains(EMAIL_SHAPED_SUB), elsewhere.getFormattedMessage());
    }
}
