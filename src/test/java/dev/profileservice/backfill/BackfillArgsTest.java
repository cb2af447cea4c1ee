package dev.profileservice.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.profileservice.backfill.Backfill.Mode;
import dev.profileservice.backfill.Backfill.Options;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The backfill's command line: defaults, every option, and usage errors instead of half-configured runs. */
class BackfillArgsTest {

    @Test
    void noOptionsMeansEncryptAtTheDefaultRate() {
        assertEquals(Options.defaults(Mode.ENCRYPT), BackfillArgs.parse(new String[0]));
    }

    @Test
    void everyOptionIsRead() {
        String token = ResumeToken.encode(Map.of("user_id", AttributeValue.fromS("u"), "sk", AttributeValue.fromS("PROFILE")));
        assertEquals(new Options(Mode.ROTATE, 25, 7.5, Optional.of(token)), BackfillArgs.parse(new String[] {
                "--mode", "rotate", "--rate", "7.5", "--page-size", "25", "--resume-from", token }));
    }

    @Test
    void mistakesAreUsageErrors() {
        for (String[] args : new String[][] { { "--mode" }, { "--mode", "decrypt" }, { "--rate", "0" }, { "--rate", "x" },
                { "--page-size", "0" }, { "--page-size", "5000" }, { "--resume-from", "not-a-token" }, { "--force", "1" } }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackfillArgs.parse(args));
            assertTrue(e.getMessage().startsWith("usage: backfill"), e.getMessage());
        }
    }
}
