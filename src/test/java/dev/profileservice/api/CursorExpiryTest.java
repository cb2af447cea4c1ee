package dev.profileservice.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.crypto.AeadKeyset;
import io.quarkus.test.junit.QuarkusTest;

/** A cursor is good for the configured time and not a second longer. */
@QuarkusTest
class CursorExpiryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String LAST_SORT_KEY = "ADDRESS#1";

    @Inject
    AeadKeyset keyset;

    @Inject
    ProfileConfig config;

    @Test
    void cursorOpensUntilItsTtlAndNeverAfter() {
        Duration ttl = config.cursor().ttl();
        String cursor = at(T0).seal("u", "list", LAST_SORT_KEY);
        assertTrue(at(T0.plus(ttl).minusSeconds(1)).open("u", "list", cursor).isPresent());
        assertFalse(at(T0.plus(ttl).plusSeconds(1)).open("u", "list", cursor).isPresent());
    }

    private CursorSealer at(Instant now) {
        return new CursorSealer(keyset, config, Clock.fixed(now, ZoneOffset.UTC));
    }
}
