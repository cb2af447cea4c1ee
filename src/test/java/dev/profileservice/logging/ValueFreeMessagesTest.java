package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Jackson quotes the rejected value in its messages, and a bare 9-digit SSN or an 11-digit phone matches no
 * masking rule. Wherever such an exception is logged, only its class and JSON path remain.
 */
class ValueFreeMessagesTest {

    record Body(String ssn, Nested contact) {
    }

    record Nested(long phone) {
    }

    private static final ObjectMapper STRICT = new ObjectMapper();

    static {
        STRICT.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    private static String logged(Throwable thrown) {
        ExtLogRecord record = new ExtLogRecord(Level.FINE, "Restarting handler chain for exception", FormatStyle.NO_FORMAT, "x");
        record.setThrown(thrown);
        new MaskingFilter(new LogRecordMasker(MaskingRules.defaults())).isLoggable(record);
        return new JsonFormatter().format(record);
    }

    @Test
    void aCoercedNumberIsLoggedByClassAndPathOnly() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> STRICT.readValue("{\"ssn\": 219099999}", Body.class));
        assertTrue(e.getMessage().contains("219099999"), "the premise: Jackson quotes the value");
        String line = logged(new IllegalStateException("wrapped", e));
        assertFalse(line.contains("219099999"), "the value leaks");
        assertTrue(line.contains(e.getClass().getSimpleName() + " at ssn"), "class and path are kept");
        assertEquals(e.getClass().getSimpleName() + " at ssn", ValueFreeMessages.describe(e));
    }

    @Test
    void aWrongTypedNestedValueIsLoggedByClassAndPathOnly() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> STRICT.readValue("{\"contact\": {\"phone\": \"14155552671x\"}}", Body.class));
        assertTrue(e.getMessage().contains("14155552671"));
        String line = logged(e);
        assertFalse(line.contains("14155552671"), "the value leaks");
        assertTrue(line.contains("InvalidFormatException at contact.phone"), "class and path are kept");
    }

    @Test
    void malformedJsonKeepsNoneOfItsText() {
        Exception e = assertThrows(Exception.class, () -> STRICT.readValue("{\"ssn\": 219099999x}", Body.class));
        assertFalse(logged(e).contains("219099999"));
    }

    @Test
    void otherExceptionsKeepTheirMaskedMessage() {
        String line = logged(new IllegalArgumentException("table UserProfiles not found"));
        assertTrue(line.contains("table UserProfiles not found"), "an unrelated message is kept");
    }
}
