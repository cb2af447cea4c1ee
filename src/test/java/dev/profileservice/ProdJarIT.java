package dev.profileservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;


import dev.profileservice.support.DebugProdConfigResource;
import dev.profileservice.support.DynaliteResource;
import dev.profileservice.support.LeakyRequests;
import dev.profileservice.support.ProdConfigResource;
import dev.profileservice.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The packaged jar in the prod profile, started as a user starts it, at DEBUG as during an
 * incident. Quarkus' prod error paths differ from dev and test (e.g. Jackson errors), so the
 * error shape is checked here too, and so is the log those paths write.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = DebugProdConfigResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProdJarIT {

    /** Where the jar launcher points the jar's file handler: the test configuration's log file. */
    private static final Path LOG = Path.of(ConfigProvider.getConfig().getOptionalValue("quarkus.log.file.path", String.class)
            .orElse("target/quarkus.log"));

    @Test
    void servesTheOwnerViewInProd() {
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Prod Alice\", \"email\": \"prod-alice@example.org\", \"ssn\": \"123-45-6789\"}")
                .put("/api/profile").then().statusCode(201).body("ssnLast4", equalTo("6789"));
        given().auth().oauth2(Tokens.alice()).get("/api/profile").then().statusCode(200)
                .header("Cache-Control", "no-store").body("displayName", equalTo("Prod Alice"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblemsInProdToo() {
        for (String body : new String[] { "{\"displayName\": ", "{\"displayName\": \"A\", \"version\": 7}",
                "{\"displayName\": 5}" }) {
            Response response = given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON).body(body).put("/api/profile");
            response.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
            assertFalse(response.asString().contains("com.fasterxml"), response.asString());
            assertFalse(response.asString().contains("dev.profileservice"), response.asString());
        }
    }

    @Test
    void debugSurfacesAreAbsentInProd() {
        for (String path : new String[] { "/q/dev-ui", "/q/dev", "/q/swagger-ui", "/q/openapi", "/q/arc" }) {
            Response response = given().get(path);
            assertEquals(404, response.statusCode(), path);
        }
        given().get("/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyAndCarryNoData() {
        int management = ProdConfigResource.managementPort();
        given().port(management).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().port(management).get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("@example.org"), "metrics carry data");
        for (String path : new String[] { "/q/health/ready", "/q/health/live", "/q/metrics" }) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // it takes the backend down, and the circuit stays open for a while after
    void debugLogHoldsNoRequestValue() throws Exception {
        LeakyRequests leaky = new LeakyRequests();
        leaky.send(Tokens.bob(), "/api/profile");
        String backendDown = "Down Time " + LeakyRequests.PHONE_DIGITS.substring(3);
        DynaliteResource.pause();
        try {
            Response response = given().auth().oauth2(Tokens.bob()).contentType(ContentType.JSON)
                    .body("{\"displayName\": \"" + backendDown + "\", \"phone\": \"+" + LeakyRequests.PHONE_DIGITS + "\"}")
                    .put("/api/profile");
            assertEquals(503, response.statusCode(), response.asString());
        } finally {
            DynaliteResource.resume();
        }
        List<String> values = new ArrayList<>(leaky.values());
        values.add(backendDown);
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"level\":\"DEBUG\"")), "the jar logs at DEBUG: " + LOG);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            // the SDK's Netty pipeline always holds a DEBUG LoggingHandler: a hex dump of every body, past any mask
            assertFalse(json.readTree(line).path("loggerName").asText().startsWith("io.netty.handler.logging"),
                    "a Netty wire dump in the log: " + line.substring(0, Math.min(line.length(), 300)));
            for (String value : values) {
                assertFalse(line.contains(value), "DEBUG log leaks '" + value + "': " + line);
            }
        }
    }
}
