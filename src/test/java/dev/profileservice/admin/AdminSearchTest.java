package dev.profileservice.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The admin lookup by email takes the email in a POST body, answers in the Admin view with a
 * {@code truncated} flag past 10 matches, and is audited without the email. The old GET with the
 * email in its query string is gone.
 */
@QuarkusTest
class AdminSearchTest extends ApiTest {

    private static final Path LOG = Path.of("target", "service-test.log");

    @Test
    void searchAnswersTheAdminViewOfTheOwner() {
        String email = "search." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        as(Tokens.bob()).body("{\"displayName\": \"Bob\", \"email\": \"" + email + "\"}").put("/api/profile").then().statusCode(201);
        adminSearch(Tokens.admin(), email.toUpperCase()).then().statusCode(200)
                .body("truncated", equalTo(false))
                .body("items.size()", equalTo(1))
                .body("items[0].userId", equalTo(Tokens.BOB))
                .body("items[0].email", equalTo(email))
                .body("items[0].version", equalTo(1));
        adminSearch(Tokens.admin(), "nobody." + UUID.randomUUID() + "@example.org").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("truncated", equalTo(false));
    }

    @Test
    void moreThanTenMatchesAreTruncatedToTen() {
        String email = "shared." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        List<String> owners = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String sub = "search-owner-" + i + "-" + UUID.randomUUID();
                owners.add(sub);
                as(Tokens.user(sub, "owner" + i, Set.of("user"))).body("{\"displayName\": \"O\", \"email\": \"" + email + "\"}")
                        .put("/api/profile").then().statusCode(201);
            }
            adminSearch(Tokens.admin(), email).then().statusCode(200)
                    .body("truncated", equalTo(true)).body("items.size()", equalTo(10));
            deletePartition(owners.remove(0));
            deletePartition(owners.remove(0));
            adminSearch(Tokens.admin(), email).then().statusCode(200)
                    .body("truncated", equalTo(false)).body("items.size()", equalTo(10));
        } finally {
            owners.forEach(this::deletePartition);
        }
    }

    @Test
    void theOldGetWithTheEmailInTheQueryIsGone() {
        Response response = as(Tokens.admin()).queryParam("email", "bob@example.org").get("/api/admin/profiles");
        assertTrue(response.statusCode() == 404 || response.statusCode() == 405, "status " + response.statusCode());
        response.then().contentType("application/problem+json");
    }

    @Test
    void searchIsAuditedWithoutTheEmail() throws Exception {
        String local = "audit" + UUID.randomUUID().toString().substring(0, 8);
        String email = local + "@example.org";
        as(Tokens.bob()).body("{\"displayName\": \"Bob\", \"email\": \"" + email + "\"}").put("/api/profile").then().statusCode(201);
        adminSearch(Tokens.admin(), email).then().statusCode(200).body("items.size()", equalTo(1));
        // The audit record is a JSON object logged as the message, so its quotes arrive escaped in the JSON log line.
        List<String> audit = Files.readAllLines(LOG, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("\"loggerName\":\"audit\"") && line.contains("admin.profile.search")).toList();
        assertTrue(audit.stream().anyMatch(line -> line.contains("\\\"actor\\\":\\\"" + Tokens.ADMIN + "\\\"")
                && line.contains("\\\"target\\\":\\\"" + Tokens.BOB + "\\\"")
                && line.contains("\\\"outcome\\\":\\\"found\\\"")), "no audit event: " + audit);
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            assertFalse(line.contains(local), "the email is in a log line: " + line);
        }
    }

    @Test
    void searchByANonAdminIsForbidden() {
        adminSearch(Tokens.alice(), "bob@example.org").then().statusCode(403);
        adminSearch(Tokens.admin(), "not-an-email").then().statusCode(400);
    }
}
