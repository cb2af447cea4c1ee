package dev.profileservice.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.jboss.logmanager.formatters.StructuredFormatter.ExceptionOutputType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingFilterTest {

    private static final List<String> SECRETS = List.of("hunter2", "bob@example.com", "t0k3n", "4111111111111111",
            "s3cr3t", "AKIAIOSFODNN7EXAMPLE");

    private final MaskingFilter filter = new MaskingFilter(new LogRecordMasker(MaskingRules.defaults()));

    @AfterEach
    void clearThreadMdc() {
        MDC.clear();
    }

    private static ExtLogRecord record(Level level, String message, FormatStyle style, Object... parameters) {
        ExtLogRecord record = new ExtLogRecord(level, message, style, MaskingFilterTest.class.getName());
        record.setParameters(parameters);
        return record;
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static void assertNoSecret(String output) {
        SECRETS.forEach(secret -> assertFalse(output.contains(secret), () -> secret + " leaked in: " + output));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRINTF:login %s with password=%s", "MESSAGE_FORMAT:login {0} with password={1}"})
    void parametersAreAppliedThenMaskedWhateverTheFormatStyle(String styleAndTemplate) {
        String[] parts = styleAndTemplate.split(":", 2);
        ExtLogRecord record = record(Level.INFO, parts[1], FormatStyle.valueOf(parts[0]), "bob@example.com", "hunter2");

        filter.isLoggable(record);

        assertEquals("login [REDACTED:email] with password=[REDACTED:password]", record.getFormattedMessage());
        assertEquals(FormatStyle.NO_FORMAT, record.getFormatStyle());
        assertNull(record.getParameters());
    }

    @Test
    void messageWithoutFormatIsMaskedAsIs() {
        ExtLogRecord record = record(Level.INFO, "token=t0k3n {0} %s", FormatStyle.NO_FORMAT);
        filter.isLoggable(record);
        assertEquals("token=[REDACTED:token] {0} %s", record.getFormattedMessage());
    }

    @Test
    void plainJulRecordIsRenderedAndMasked() {
        LogRecord record = new LogRecord(Level.WARNING, "user {0} paid with {1}");
        record.setParameters(new Object[] {"bob@example.com", "4111111111111111"});
        filter.isLoggable(record);
        assertEquals("user [REDACTED:email] paid with [REDACTED:card]", record.getMessage());
        assertNull(record.getParameters());
    }

    @Test
    void brokenPrintfTemplateStillLogsMaskedTemplateAndArguments() {
        ExtLogRecord record = record(Level.INFO, "count %d", FormatStyle.PRINTF, "password=hunter2");
        filter.isLoggable(record);
        assertEquals("count %d [password=[REDACTED:password]]", record.getFormattedMessage());
    }

    @Test
    void lineBreaksAndControlCharsInTheMessageCannotForgeLogLines() {
        ExtLogRecord record = record(Level.INFO, "name=%s", FormatStyle.PRINTF, "eve\r\nINFO forged\u0007\u2028");
        filter.isLoggable(record);
        assertEquals("name=eve\\r\\nINFO forged\\u0007\\u2028", record.getFormattedMessage());
    }

    @Test
    void recordMdcIsMaskedAndTheThreadMdcIsLeftAlone() {
        MDC.put("user", "bob@example.com");
        MDC.put("requestId", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        ExtLogRecord record = record(Level.INFO, "hello", FormatStyle.NO_FORMAT);
        record.copyMdc();

        filter.isLoggable(record);

        assertEquals("[REDACTED:email]", record.getMdc("user"));
        assertEquals("3fa85f64-5717-4562-b3fc-2c963f66afa6", record.getMdc("requestId"));
        assertEquals("bob@example.com", MDC.get("user"));
    }

    @Test
    void exceptionCauseAndSuppressedChainsAreMaskedWithFramesKept() {
        IllegalStateException cause = new IllegalStateException("lookup for bob@example.com failed");
        cause.addSuppressed(new IOException("close failed, token=t0k3n"));
        RuntimeException top = new RuntimeException("login failed\npassword=hunter2", cause);
        ExtLogRecord record = record(Level.SEVERE, "request failed", FormatStyle.NO_FORMAT);
        record.setThrown(top);

        filter.isLoggable(record);

        Throwable masked = record.getThrown();
        String rendered = stackTrace(masked);
        assertNoSecret(rendered);
        assertInstanceOf(RuntimeException.class, masked);
        assertInstanceOf(IllegalStateException.class, masked.getCause());
        assertInstanceOf(IOException.class, masked.getCause().getSuppressed()[0]);
        assertTrue(rendered.contains("[REDACTED:password]") && rendered.contains("[REDACTED:token]"), rendered);
        assertArrayEquals(top.getStackTrace(), masked.getStackTrace());
        assertArrayEquals(cause.getStackTrace(), masked.getCause().getStackTrace());
    }

    @Test
    void jsonFormatterOutputCarriesNoSecretFromMessageExceptionOrMdc() {
        MDC.put("email", "bob@example.com");
        ExtLogRecord record = record(Level.SEVERE, "card %s", FormatStyle.PRINTF, "4111111111111111");
        record.copyMdc();
        record.setThrown(new UncheckedIOException("key AKIAIOSFODNN7EXAMPLE", new IOException("secret=s3cr3t")));
        JsonFormatter json = new JsonFormatter();
        json.setExceptionOutputType(ExceptionOutputType.DETAILED_AND_FORMATTED);

        filter.isLoggable(record);

        String output = json.format(record);
        assertNoSecret(output);
        assertTrue(output.contains("java.io.UncheckedIOException"), output);
    }

    @Test
    void exceptionWithoutStringConstructorBecomesCarrierNamingTheOriginalClass() {
        ExtLogRecord record = record(Level.SEVERE, "failed", FormatStyle.NO_FORMAT);
        record.setThrown(new NoMessageConstructorException("password=hunter2"));

        filter.isLoggable(record);

        MaskedThrowable carrier = assertInstanceOf(MaskedThrowable.class, record.getThrown());
        assertEquals(NoMessageConstructorException.class.getName() + ": password=[REDACTED:password]",
                carrier.getMessage());
        assertTrue(stackTrace(carrier).startsWith(NoMessageConstructorException.class.getName() + ": password="));
    }

    @Test
    void exceptionThatDecoratesItsMessageBecomesCarrier() {
        ExtLogRecord record = record(Level.SEVERE, "failed", FormatStyle.NO_FORMAT);
        record.setThrown(new DecoratingException("owner bob@example.com"));
        filter.isLoggable(record);
        assertInstanceOf(MaskedThrowable.class, record.getThrown());
        assertNoSecret(stackTrace(record.getThrown()));
    }

    @Test
    void cleanExceptionIsKeptAsIs() {
        RuntimeException clean = new RuntimeException("table missing", new IllegalStateException("retry 3"));
        ExtLogRecord record = record(Level.SEVERE, "failed", FormatStyle.NO_FORMAT);
        record.setThrown(clean);
        filter.isLoggable(record);
        assertSame(clean, record.getThrown());
    }

    @Test
    void causeCycleIsCutAndMasked() {
        IllegalStateException first = new IllegalStateException("token=t0k3n");
        IllegalArgumentException second = new IllegalArgumentException("again token=t0k3n", first);
        first.initCause(second);
        ExtLogRecord record = record(Level.SEVERE, "cycle", FormatStyle.NO_FORMAT);
        record.setThrown(first);

        filter.isLoggable(record);

        assertNoSecret(stackTrace(record.getThrown()));
        assertNull(record.getThrown().getCause().getCause());
    }

    @Test
    void chainDeeperThanTheLimitIsTruncatedNotFailed() {
        Throwable chain = new IllegalStateException("root password=hunter2");
        for (int i = 0; i < ThrowableMasker.MAX_DEPTH + 10; i++) {
            chain = new RuntimeException("level " + i + " token=t0k3n", chain);
        }
        ExtLogRecord record = record(Level.SEVERE, "deep", FormatStyle.NO_FORMAT);
        record.setThrown(chain);

        filter.isLoggable(record);

        String rendered = stackTrace(record.getThrown());
        assertNoSecret(rendered);
        assertTrue(rendered.contains("[REDACTED:truncated-chain]"), rendered);
    }

    @Test
    void failingRuleReplacesMessageExceptionAndMdcWithPlaceholders() {
        MaskingFilter broken = new MaskingFilter(new LogRecordMasker(text -> {
            throw new IllegalStateException("rule bug");
        }));
        MDC.put("user", "bob@example.com");
        ExtLogRecord record = record(Level.WARNING, "password=%s", FormatStyle.PRINTF, "hunter2");
        record.copyMdc();
        record.setThrown(new IOException("token=t0k3n"));

        assertTrue(broken.isLoggable(record));

        assertEquals(MaskingFilter.FAILED, record.getFormattedMessage());
        assertEquals(IOException.class.getName() + ": " + MaskingFilter.FAILED, record.getThrown().getMessage());
        assertEquals(MaskingFilter.FAILED, record.getMdc("user"));
        assertEquals(Level.WARNING, record.getLevel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEVERE", "WARNING", "INFO", "FINE", "FINEST"})
    void everyRecordIsKeptAtItsLevel(String levelName) {
        Level level = Level.parse(levelName);
        ExtLogRecord record = record(level, "password=%s", FormatStyle.PRINTF, "hunter2");
        assertTrue(filter.isLoggable(record));
        assertEquals(level, record.getLevel());
        assertTrue(filter.isLoggable(null));
    }

    /** Mimics exceptions whose only constructors take more than a message, e.g. SDK exceptions. */
    static final class NoMessageConstructorException extends RuntimeException {
        NoMessageConstructorException(String message) {
            super(message);
        }
    }

    /** Rebuilds its message from state, so a copy made from the masked text would not say the same thing. */
    public static final class DecoratingException extends RuntimeException {
        public DecoratingException(String message) {
            super(message);
        }

        @Override
        public String getMessage() {
            return "[decorated] " + super.getMessage();
        }
    }
}
