package dev.profileservice.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every operation under /api/admin, read from /q/openapi, so that an admin endpoint added later is attacked too. */
public final class AdminEndpoints {

    private AdminEndpoints() {
    }

    /** "METHOD path" of each admin operation, path parameters filled with {@code userId}. */
    public static List<String> all(String userId) {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.startsWith("/api/admin")) {
                operations.keySet().stream().filter(m -> m.matches("get|put|post|patch|delete"))
                        .forEach(m -> endpoints.add(m.toUpperCase() + " " + path.replaceAll("\\{[^}]+}", userId)));
            }
        });
        assertTrue(endpoints.size() >= 2, "admin endpoints found in /q/openapi: " + endpoints);
        return endpoints;
    }

    /** One call with a plausible query and body, so that only authorization decides a refusal. */
    public static Response call(String token, String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\": \"bob@example.org\"}").request(parts[0], parts[1]);
    }
}
