package dev.profileservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.profileservice.backfill.Backfill.Mode;
import dev.profileservice.backfill.Backfill;

/** The command line without Quarkus: only the arguments can be a usage error; a failed run says how to resume. */
class ProfileServiceMainTest {

    private static final ProfileServiceMain.Run NEVER = options -> {
        throw new AssertionError("a usage error must not start the run");
    };

    @Test
    void aFinishedRunExitsZeroWithItsReport() throws Exception {
        ProfileServiceMain.Exit exit = ProfileServiceMain.command(new String[] { "backfill", "--mode", "rotate" },
                options -> new Backfill.Report(options.mode(), 3, 1, 2, 0, 0));
        assertEquals(0, exit.code());
        assertTrue(exit.message().startsWith("backfill finished: Report[mode=ROTATE"), exit.message());
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        ProfileServiceMain.Exit exit = ProfileServiceMain.command(new String[] { "backfill", "--mode", "decrypt" }, NEVER);
        assertEquals(1, exit.code());
        assertTrue(exit.message().startsWith("usage: backfill"), exit.message());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        ProfileServiceMain.Exit exit = ProfileServiceMain.command(new String[] { "restore" }, NEVER);
        assertEquals(1, exit.code());
        assertTrue(exit.message().startsWith("usage: backfill"), exit.message());
    }

    @Test
    void anIllegalArgumentDuringTheRunIsAnAbortWithTheResumeHintNotAUsageError() throws Exception {
        ProfileServiceMain.Exit exit = ProfileServiceMain.command(new String[] { "backfill" }, options -> {
            assertEquals(Mode.ENCRYPT, options.mode());
            throw new IllegalArgumentException("usage-looking text from deep inside the run");
        });
        assertEquals(1, exit.code());
        assertTrue(exit.message().contains("backfill aborted (IllegalArgumentException)"), exit.message());
        assertTrue(exit.message().contains("--resume-from"), exit.message());
        assertFalse(exit.message().contains("usage"), exit.message());
    }
}
