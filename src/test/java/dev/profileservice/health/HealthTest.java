package dev.profileservice.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.support.Management;
import io.quarkus.test.junit.QuarkusTest;

/** Health and metrics answer on the management port only; the API port does not serve them. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessIsUpWhenTheTableIsReachableAndNamesNothingInternal() {
        Management.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(not(containsString("UserProfiles")))
                .body(not(containsString("127.0.0.1")))
                .body(not(containsString("arn:")));
    }

    @Test
    void livenessAndStartupAreUp() {
        Management.given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementPort() {
        Management.given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics" })
    void theApiPortAnswers404ForManagementEndpoints(String path) {
        given().get(path).then().statusCode(404);
        assertNotEquals(io.restassured.RestAssured.port, Management.port(), "management has its own port");
    }
}
