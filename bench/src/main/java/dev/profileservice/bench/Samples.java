package dev.profileservice.bench;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.ExtLogRecord.FormatStyle;

import dev.profileservice.logging.MaskingConfig;
import dev.profileservice.logging.MaskingFilter;

/** The records every benchmark logs, built the way JBoss Logging builds them. */
final class Samples {

    static final String TYPICAL = "Profile %s updated by %s in %d ms, status=%d";
    static final Object[] TYPICAL_ARGS = {"3fa85f64-5717-4562-b3fc-2c963f66afa6", "alice", 12, 200};

    /** About 4 KB, dense with candidates: every rule fires or has to reject something. */
    static final String WORST = worst();

    private Samples() {
    }

    /**
     * The service's filter with its default rules, checked before anything is timed: it must mask an email and must
     * not take its failure path (a class missing from the benchmark's classpath sends every record there, which is
     * cheap and would be timed instead of the masking).
     */
    static MaskingFilter filter() {
        MaskingFilter filter = unchecked();
        ExtLogRecord probe = new ExtLogRecord(Level.INFO, "mail alice@example.org", FormatStyle.NO_FORMAT,
                Samples.class.getName());
        filter.isLoggable(probe);
        String masked = probe.getFormattedMessage();
        if (masked.contains("alice@example.org") || masked.contains("masking-failed")) {
            throw new IllegalStateException("the filter does not mask here (got: " + masked + "); check the classpath");
        }
        return filter;
    }

    private static MaskingFilter unchecked() {
        return new MaskingFilter(new MaskingConfig() {
            @Override
            public Optional<List<String>> extraKeys() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> extraPatterns() {
                return Optional.empty();
            }
        });
    }

    static ExtLogRecord typical() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, TYPICAL, FormatStyle.PRINTF, Samples.class.getName());
        record.setParameters(TYPICAL_ARGS.clone());
        return record;
    }

    static ExtLogRecord worstCase() {
        return new ExtLogRecord(Level.WARNING, WORST, FormatStyle.NO_FORMAT, Samples.class.getName());
    }

    static ExtLogRecord withChain(Throwable chain) {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "request failed", FormatStyle.NO_FORMAT,
                Samples.class.getName());
        record.setThrown(chain);
        return record;
    }

    /** Ten exceptions deep, each message carrying a secret, so every level has to be rebuilt. */
    static Throwable chain(int depth) {
        Throwable chain = new IllegalStateException("root cause for bob@example.com, token=t0k3n");
        for (int i = 1; i < depth; i++) {
            chain = new RuntimeException("level " + i + " password=hunter2 card 4111111111111111", chain);
        }
        chain.addSuppressed(new IllegalArgumentException("close failed, key AKIAIOSFODNN7EXAMPLE"));
        return chain;
    }

    private static String worst() {
        String chunk = "user=bob@example.com password=hunter2 \"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln\" "
                + "card 4111 1111 1111 1111 bad 4111111111111112 phone +1 (415) 555-2671 ssn 078-05-1120 "
                + "id 3fa85f64-5717-4562-b3fc-2c963f66afa6 at 2026-11-30T05:50:50Z v3.33.2 port 8080 "
                + "arn:aws:dynamodb:us-east-1:123456789012:table/UserProfiles AKIAIOSFODNN7EXAMPLE\n";
        StringBuilder text = new StringBuilder(4200);
        while (text.length() < 4000) {
            text.append(chunk);
        }
        return text.toString();
    }
}
