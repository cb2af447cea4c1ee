package dev.profileservice.admin;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.profileservice.logging.AuditEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * One audit event per admin read of one person's data: who read whom, how, and with what result. Events carry
 * ids only (never profile values, never the searched email); see logging/AuditEvent for the record and routing.
 * The metric counts events by action and outcome only: actor, target and errorId stay in the event.
 */
@ApplicationScoped
public class AuditLog {

    public static final String FOUND = "found";
    public static final String NOT_FOUND = "not_found";
    public static final String ERROR = "error";
    static final String EVENTS = "profile.audit.events";

    private final MeterRegistry registry;

    AuditLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Admin reads without an audit trail are not allowed: a prod start with the {@code audit} category above INFO
     * (which would drop every event silently) is refused, naming the setting.
     */
    void onStart(@Observes StartupEvent event) {
        requireRecorded(LaunchMode.current(), AuditEvent.recorded());
    }

    static void requireRecorded(LaunchMode mode, boolean recorded) {
        if (mode == LaunchMode.NORMAL && !recorded) {
            throw new IllegalStateException("quarkus.log.category.\"audit\".level must be INFO or lower in prod:"
                    + " above it every admin read would go unaudited");
        }
    }

    public void adminRead(String actor, String action, String target, String outcome) {
        new AuditEvent(Instant.now(), actor, action, target, outcome, null).publish();
        registry.counter(EVENTS, "action", action, "outcome", outcome).increment();
    }

    /** A failed read, under the errorId the caller's problem response carries. */
    public void adminReadFailed(String actor, String action, String target, String errorId) {
        new AuditEvent(Instant.now(), actor, action, target, ERROR, errorId).publish();
        registry.counter(EVENTS, "action", action, "outcome", ERROR).increment();
    }
}
