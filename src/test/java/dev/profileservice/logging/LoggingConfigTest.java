package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The filter only protects what it is attached to: check the running application's handlers, not the file. */
@QuarkusTest
class LoggingConfigTest {

    private static List<ConsoleHandler> consoleHandlers() {
        List<ConsoleHandler> found = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), found);
        return found;
    }

    private static void collect(Handler[] handlers, List<ConsoleHandler> found) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler console) {
                found.add(console);
            }
            if (handler instanceof ExtHandler parent) {
                collect(parent.getHandlers(), found);
            }
        }
    }

    // Quarkus composes the configured filter with its own, so the filter is tried on a record, not by its type
    @Test
    void everyConsoleHandlerMasksThroughThePiiMaskFilter() {
        List<ConsoleHandler> consoles = consoleHandlers();
        assertFalse(consoles.isEmpty(), "no console handler found");
        for (ConsoleHandler console : consoles) {
            ExtLogRecord record = new ExtLogRecord(Level.INFO, "login password=%s", FormatStyle.PRINTF, "test");
            record.setParameters(new Object[] {"hunter2"});
            assertTrue(console.getFilter() != null && console.getFilter().isLoggable(record));
            assertEquals("login password=[REDACTED:password]", record.getFormattedMessage());
        }
    }

    @Test
    void consoleWritesJsonOutsideDevMode() {
        consoleHandlers().forEach(console -> assertTrue(
                console.getFormatter().getClass().getName().contains("Json"),
                () -> "console formatter is " + console.getFormatter().getClass().getName()));
    }
}
