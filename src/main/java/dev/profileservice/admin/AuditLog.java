package dev.profileservice.admin;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One event per admin read, on the {@code audit} logger: who read whom, how, and with what
 * result. It never carries profile values, and the email of a lookup is not repeated.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger AUDIT = Logger.getLogger("audit");

    public void adminRead(String actor, String action, String target, String outcome) {
        AUDIT.infof("audit action=%s actor=%s target=%s outcome=%s", action, actor, target, outcome);
    }
}
