package dev.profileservice.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** CORS allows exactly the configured origins; any other origin gets no CORS grant. */
@QuarkusTest
@TestProfile(CorsTest.OneOrigin.class)
class CorsTest {

    public static class OneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "https://app.example.org");
        }
    }

    @Test
    void configuredOriginIsAllowed() {
        given().header("Origin", "https://app.example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/profile").then()
                .header("Access-Control-Allow-Origin", "https://app.example.org");
    }

    @Test
    void otherOriginsAreNotAllowed() {
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "GET")
                .options("/api/profile").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net").get("/api/profile").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    /** Quarkus' CORS filter answers a refused origin itself, before any route: an empty 403 (limits-and-edges.md). */
    @Test
    void aRefusedOriginGetsQuarkusEmpty403EvenWithAValidToken() {
        given().auth().oauth2(Tokens.alice()).header("Origin", "https://evil.example.net").get("/api/profile").then()
                .statusCode(403).header("Access-Control-Allow-Origin", nullValue()).body(equalTo(""));
    }
}
