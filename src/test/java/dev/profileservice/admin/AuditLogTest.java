package dev.profileservice.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** The audit trail cannot be switched off by a log level in prod: the start is refused instead. */
class AuditLogTest {

    @Test
    void prodRefusesToStartWhenAuditEventsWouldBeDropped() {
        var e = assertThrows(IllegalStateException.class, () -> AuditLog.requireRecorded(LaunchMode.NORMAL, false));
        assertTrue(e.getMessage().contains("quarkus.log.category.\"audit\".level"), e.getMessage());
        assertDoesNotThrow(() -> AuditLog.requireRecorded(LaunchMode.NORMAL, true));
        assertDoesNotThrow(() -> AuditLog.requireRecorded(LaunchMode.TEST, false));
    }
}
