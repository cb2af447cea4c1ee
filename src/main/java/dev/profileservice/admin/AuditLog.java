package dev.profileservice.admin;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * One event per admin read, on the {@code audit} logger: who read whom, how, and with what
 * result. It never carries profile values, and the email of a lookup is not repeated. The
 * metric counts events by action and outcome only: actor and target stay in the log.
 */
@ApplicationScoped
public class AuditLog {

    static final String EVENTS = "profile.audit.events";
    private static final Logger AUDIT = Logger.getLogger("audit");

    private final MeterRegistry registry;

    AuditLog(MeterRegistry registry) {
        this.registry = registry;
    }

    public void adminRead(String actor, String action, String target, String outcome) {
        AUDIT.infof("audit action=%s actor=%s target=%s outcome=%s", action, actor, target, outcome);
        registry.counter(EVENTS, "action", action, "outcome", outcome).increment();
    }
}
