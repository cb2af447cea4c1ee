package dev.profileservice.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.BreakerMetrics;
import dev.profileservice.support.Throttles;
import dev.profileservice.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * DynamoDB throttles per partition. While alice's partition is hot, her requests get 503 problems
 * with Retry-After, bob's reads are all served, and the circuit breaker neither counts a failure
 * nor opens: throttling is not an outage.
 */
@QuarkusTest
class ThrottledPartitionTest extends ApiTest {

    @Inject
    MeterRegistry registry;

    @Test
    void aHotPartitionDoesNotOpenTheCircuitForOthers() throws Exception {
        String alice = Tokens.alice();
        String bob = Tokens.bob();
        as(alice).body("{\"displayName\": \"Alice\"}").put("/api/profile").then().statusCode(201);
        as(bob).body("{\"displayName\": \"Bob\"}").put("/api/profile").then().statusCode(201);
        double failuresBefore = BreakerMetrics.failures(registry);
        double openedBefore = BreakerMetrics.openings(registry);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Response>> alices = new ArrayList<>();
        List<Response> bobs = new ArrayList<>();
        long start = System.nanoTime();
        Throttles.throttle(Tokens.ALICE);
        try {
            for (int i = 0; i < 16; i++) {
                alices.add(pool.submit(() -> as(alice).get("/api/profile")));
            }
            for (int i = 0; i < 30; i++) {
                bobs.add(as(bob).get("/api/profile"));
            }
            for (Future<Response> answer : alices) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                response.then().statusCode(503);
                assertTrue(Integer.parseInt(response.getHeader("Retry-After")) >= 1);
                ErrorShapeTest.assertProblemWithoutInternals(response);
            }
        } finally {
            Throttles.release(Tokens.ALICE);
            pool.shutdownNow();
        }
        System.out.printf("16 throttled reads of alice and 30 reads of bob in %.1f s%n", (System.nanoTime() - start) / 1e9);
        for (Response response : bobs) {
            assertEquals(200, response.statusCode(), response.asString());
        }
        assertEquals(failuresBefore, BreakerMetrics.failures(registry), "throttling counted as a failure");
        assertEquals(openedBefore, BreakerMetrics.openings(registry), "the circuit opened");
        as(alice).get("/api/profile").then().statusCode(200);
    }
}
