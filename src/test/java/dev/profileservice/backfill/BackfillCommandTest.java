package dev.profileservice.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.DynaliteResource;
import dev.profileservice.support.OidcServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The image's command mode: {@code backfill ...} runs once and exits with its outcome. */
@QuarkusMainTest
@QuarkusTestResource(value = DynaliteResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcServerResource.class, restrictToAnnotatedClass = true)
class BackfillCommandTest {

    @Test
    @Launch(value = { "backfill", "--mode", "encrypt", "--rate", "1000" })
    void backfillRunsOnceAndExitsZero(LaunchResult result) {
        assertEquals(0, result.exitCode());
        assertTrue(result.getOutput().contains("backfill finished"), result.getOutput());
    }

    @Test
    @Launch(value = { "backfill", "--mode", "decrypt" }, exitCode = 1)
    void unknownModeIsAUsageErrorExitingOne(LaunchResult result) {
        assertTrue(result.getOutput().contains("usage: backfill") || result.getErrorOutput().contains("usage: backfill"));
    }
}
