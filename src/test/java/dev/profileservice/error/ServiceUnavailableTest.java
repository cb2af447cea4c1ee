package dev.profileservice.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.BreakerMetrics;
import dev.profileservice.support.ServerErrors;
import dev.profileservice.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * DynamoDB answering 503 is an outage as much as a lost connection is: requests get 503 problems, the circuit
 * breaker counts them and opens, and it closes by itself once DynamoDB answers again. The SDK has no class for
 * that answer (a plain {@code DynamoDbException}), so a breaker that counts by class alone never saw it.
 */
@QuarkusTest
class ServiceUnavailableTest extends ApiTest {

    @Inject
    MeterRegistry registry;

    @Test
    void dynamoDbAnswering503OpensTheCircuitAndItClosesAgain() throws Exception {
        String alice = Tokens.alice();
        as(alice).body("{\"displayName\": \"Alice\"}").put("/api/profile").then().statusCode(201);
        double failuresBefore = BreakerMetrics.failures(registry);
        double openedBefore = BreakerMetrics.openings(registry);

        ServerErrors.start();
        try {
            for (int i = 0; i < 12; i++) {
                Response response = as(alice).get("/api/profile");
                response.then().statusCode(503).header("Retry-After", Matchers.notNullValue());
                ErrorShapeTest.assertProblemWithoutInternals(response);
            }
        } finally {
            ServerErrors.stop();
        }
        assertTrue(BreakerMetrics.failures(registry) > failuresBefore, "a 503 was not counted as a failure");
        assertTrue(BreakerMetrics.openings(registry) > openedBefore, "the circuit did not open");

        assertEquals(200, statusOnceRecovered(alice), "recovered without a restart");
    }
}
