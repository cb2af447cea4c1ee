package dev.profileservice.logging;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;
import org.jboss.logmanager.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * One audit event, logged on the {@code audit} category as a one-line JSON object:
 * {@code {"time","actor","action","target","outcome","errorId"?}}. Ids are recorded exactly: the masking
 * filter recognises the event by this type (not by its text, which anyone could imitate) and prints it as it is,
 * while it still masks every other record and this record's MDC. Non-ASCII is escaped, so an id cannot forge a
 * line or reorder one on screen, yet parses back to the exact id. Never put a profile value in an event.
 */
public record AuditEvent(Instant time, String actor, String action, String target, String outcome, String errorId) {

    public static final String CATEGORY = "audit";

    private static final Logger LOGGER = Logger.getLogger(CATEGORY);
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Whether audit events reach the log at all: the {@code audit} category at INFO or lower. */
    public static boolean recorded() {
        return LOGGER.isLoggable(Level.INFO);
    }

    /** Logs the event at INFO on the {@code audit} category. */
    public void publish() {
        if (!recorded()) {
            return;
        }
        ExtLogRecord record = new ExtLogRecord(Level.INFO, toJson(), FormatStyle.NO_FORMAT, AuditEvent.class.getName());
        record.setParameters(new Object[] { this });
        LOGGER.logRaw(record);
    }

    /** The event a record carries, or {@code null} for any other record. */
    static AuditEvent carriedBy(LogRecord record) {
        Object[] parameters = record.getParameters();
        return CATEGORY.equals(record.getLoggerName()) && parameters != null && parameters.length == 1
                && parameters[0] instanceof AuditEvent event ? event : null;
    }

    public String toJson() {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", time.toString());
            json.writeStringField("actor", actor);
            json.writeStringField("action", action);
            json.writeStringField("target", target);
            json.writeStringField("outcome", outcome);
            if (errorId != null) {
                json.writeStringField("errorId", errorId);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
