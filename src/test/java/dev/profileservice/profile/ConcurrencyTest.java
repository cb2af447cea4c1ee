package dev.profileservice.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Optimistic concurrency under real contention: writers holding the same version, one wins. */
@QuarkusTest
class ConcurrencyTest extends ApiTest {

    @Test
    void twoPutsWithTheSameIfMatchGiveOneSuccessAndOnePreconditionFailed() throws Exception {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        List<Integer> statuses = race(2, i -> () -> as(Tokens.alice()).header("If-Match", "\"1\"")
                .body("{\"displayName\": \"writer " + i + "\"}").put("/api/profile").statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        String winner = as(Tokens.alice()).get("/api/profile").then().statusCode(200).extract().path("displayName");
        assertEquals(2, (int) as(Tokens.alice()).get("/api/profile").then().extract().path("version"));
        org.junit.jupiter.api.Assertions.assertTrue(winner.startsWith("writer "), winner);
    }

    @Test
    void concurrentPatchesLoseNoUpdate() throws Exception {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        int writers = 8;
        int rounds = 3;
        int successes = 0;
        for (int round = 0; round < rounds; round++) {
            String etag = as(Tokens.alice()).get("/api/profile").header("ETag");
            List<Integer> statuses = race(writers, i -> () -> as(Tokens.alice())
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

    interface Writer {
        Callable<Integer> of(int index);
    }

    private static List<Integer> race(int writers, Writer writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<Integer> call = writer.of(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
