package dev.profileservice.error;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.DynaliteResource;
import dev.profileservice.support.Management;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Cuts dynalite off (SIGSTOP) while the service runs: requests get 503 problems quickly, the
 * circuit opens so later ones fail at once, readiness goes DOWN while liveness stays UP; then
 * the backend returns and the service recovers on its own with every acknowledged write intact.
 */
@QuarkusTest
class BackendOutageTest extends ApiTest {

    @Test
    void outageFailsFastAndRecoveryLosesNothingAcknowledged() throws Exception {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(as(Tokens.alice()).body("""
                    {"line1": "%d Ack Street", "city": "Kept", "postalCode": "1", "country": "NL"}
                    """.formatted(i)).post("/api/profile/addresses").then().statusCode(201).extract().path("id"));
        }
        String alice = Tokens.alice();

        DynaliteResource.pause();
        List<Long> millis = new ArrayList<>();
        try {
            for (int i = 0; i < 14; i++) {
                long start = System.nanoTime();
                Response response = as(alice).get("/api/profile");
                millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                response.then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
                ErrorShapeTest.assertProblemWithoutInternals(response);
            }
            Management.given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            DynaliteResource.resume();
        }
        System.out.println("outage request latencies (ms): " + millis);
        assertTrue(millis.stream().allMatch(ms -> ms < 2000), "every failure under 2 s: " + millis);
        // Once open, the breaker fails calls at once; after its 3 s delay one half-open probe may wait out the
        // call timeout again, so the proof is a long run of fast failures, wherever it falls.
        assertTrue(longestRunUnder(millis, 200) >= 6, "the open circuit fails at once: " + millis);

        assertEquals(200, statusOnceRecovered(alice), "recovered without a restart");
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        as(alice).get("/api/profile").then().statusCode(200).body("displayName", equalTo("Alice A."));
        List<String> ids = as(alice).queryParam("limit", 100).get("/api/profile/addresses").jsonPath().getList("items.id");
        assertEquals(new java.util.HashSet<>(acknowledged), new java.util.HashSet<>(ids));
    }

    private static int longestRunUnder(List<Long> millis, long limit) {
        int longest = 0;
        int run = 0;
        for (long ms : millis) {
            run = ms < limit ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
