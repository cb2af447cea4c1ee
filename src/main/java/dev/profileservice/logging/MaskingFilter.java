package dev.profileservice.logging;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Masks secrets and PII in every record a handler prints. Attach it with {@code quarkus.log.<handler>.filter=pii-mask}.
 * It never drops a record and never changes its level; if masking fails, the record is still logged, but with a
 * fixed placeholder instead of its text, so a bug here can hide a message but never leak one.
 */
@LoggingFilter(name = "pii-mask")
public final class MaskingFilter implements Filter {

    static final String FAILED = MaskRule.placeholder("masking-failed");

    private final LogRecordMasker masker;

    @Inject
    public MaskingFilter(MaskingConfig config) {
        this(new LogRecordMasker(new MaskingRules(config.extraKeys().orElse(List.of()),
                config.extraPatterns().orElse(List.of()))));
    }

    MaskingFilter(LogRecordMasker masker) {
        this.masker = masker;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record == null) {
            return true;
        }
        try {
            masker.mask(record);
        } catch (Throwable failure) { // NOSONAR: even an Error must not let the raw record through
            replaceWithPlaceholders(record);
        }
        return true;
    }

    private static void replaceWithPlaceholders(LogRecord record) {
        try {
            LogRecordMasker.replaceMessage(record, FAILED);
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                MaskedThrowable placeholder = new MaskedThrowable(thrown.getClass().getName(), FAILED);
                record.setThrown(placeholder);
                placeholder.setStackTrace(thrown.getStackTrace()); // frames name code, not data
            }
            if (record instanceof ExtLogRecord ext) {
                ext.getMdcCopy().keySet().forEach(key -> ext.putMdc(key, FAILED));
                ext.setNdc("");
            }
        } catch (Throwable ignored) { // NOSONAR: a logging filter must never throw into the caller
            // nothing safer is left to do; the message was replaced first, before anything else could fail
        }
    }
}
