package dev.profileservice.logging;

import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks one record in place: the message after its parameters are applied (whatever the format style), the
 * exception graph, and the record's copy of the MDC and NDC. The thread's own MDC is never touched. An
 * {@link AuditEvent}'s message is the exception: it holds ids only, which are kept exact.
 */
final class LogRecordMasker {

    // formatMessage is what JUL handlers use to apply parameters and resource bundles to a plain LogRecord
    private static final Formatter JUL_MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private final UnaryOperator<String> rules;
    private final ThrowableMasker throwables;

    LogRecordMasker(UnaryOperator<String> rules) {
        this.rules = rules;
        this.throwables = new ThrowableMasker(rules);
    }

    void mask(LogRecord record) {
        AuditEvent audit = AuditEvent.carriedBy(record);
        // An audit event's ids must stay exact: its JSON is rebuilt from the event, never from the record's text.
        String masked = audit != null ? audit.toJson() : ControlChars.neutralise(rules.apply(render(record)));
        replaceMessage(record, masked);
        if (record.getThrown() != null) {
            record.setThrown(throwables.mask(record.getThrown()));
        }
        if (record instanceof ExtLogRecord ext) {
            maskContext(ext);
        }
    }

    /** The text a formatter would print. A broken format string still yields the template and the arguments. */
    static String render(LogRecord record) {
        try {
            return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : JUL_MESSAGE.formatMessage(record);
        } catch (RuntimeException badFormat) {
            Object[] parameters = record.getParameters();
            return parameters == null ? record.getMessage() : record.getMessage() + " " + Arrays.toString(parameters);
        }
    }

    /** From here on formatters print the text as it is: no parameters left to re-insert raw values. */
    static void replaceMessage(LogRecord record, String text) {
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(text, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(text);
        }
        record.setParameters(null);
        record.setResourceBundle(null);
        record.setResourceBundleName(null);
    }

    private void maskContext(ExtLogRecord record) {
        for (Map.Entry<String, String> entry : record.getMdcCopy().entrySet()) {
            String masked = ControlChars.neutralise(rules.apply(entry.getValue()));
            if (masked != null && !masked.equals(entry.getValue())) {
                record.putMdc(entry.getKey(), masked);
            }
        }
        String ndc = record.getNdc();
        if (ndc != null && !ndc.isEmpty()) {
            record.setNdc(ControlChars.neutralise(rules.apply(ndc)));
        }
    }
}
