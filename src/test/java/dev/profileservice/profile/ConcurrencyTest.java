package dev.profileservice.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Together;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Optimistic concurrency under real contention: writers holding the same version, one wins. */
@QuarkusTest
class ConcurrencyTest extends ApiTest {

    @Test
    void twoPutsWithTheSameIfMatchGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        List<Integer> statuses = Together.run(2, i -> () -> as(Tokens.alice()).header("If-Match", "\"1\"")
                .body("{\"displayName\": \"writer " + i + "\"}").put("/api/profile").statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        String winner = as(Tokens.alice()).get("/api/profile").then().statusCode(200).extract().path("displayName");
        assertEquals(2, (int) as(Tokens.alice()).get("/api/profile").then().extract().path("version"));
        assertTrue(winner.startsWith("writer "), winner);
    }

    @Test
    void concurrentPatchesLoseNoUpdate() throws Exception {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        int writers = 8;
        int rounds = 3;
        int successes = 0;
        for (int round = 0; round < rounds; round++) {
            String etag = as(Tokens.alice()).get("/api/profile").header("ETag");
            List<Integer> statuses = Together.run(writers, i -> () -> as(Tokens.alice())
                    .contentType("application/merge-patch+json").header("If-Match", etag)
                    .body("{\"locale\": \"en-" + (char) ('A' + i) + "X\"}").patch("/api/profile").statusCode());
            long ok = statuses.stream().filter(s -> s == 200).count();
            assertEquals(1, ok, "exactly one writer per version wins: " + statuses);
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
            successes += (int) ok;
        }
        int version = as(Tokens.alice()).get("/api/profile").then().extract().path("version");
        assertEquals(1 + successes, version);
    }
}
