package dev.profileservice.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The published contract describes the API records and their views, never storage items. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentDescribesApiRecordsAndNoStorageAttributes() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        for (String path : new String[] { "/api/profile", "/api/profile/export", "/api/profile/addresses",
                "/api/profiles/{userId}", "/api/admin/profiles/{userId}", "/api/admin/profiles/search" }) {
            assertTrue(document.contains("\"" + path + "\""), "missing " + path);
        }
        for (String field : new String[] { "displayName", "ssnLast4", "postalCode", "nextCursor" }) {
            assertTrue(document.contains("\"" + field + "\""), "missing " + field);
        }
        for (String storage : new String[] { "password_hash", "passwordHash", "display_name", "user_id",
                "AttributeValue", "ssn_last4", "internal_notes", "LastEvaluatedKey" }) {
            assertFalse(document.contains(storage), "storage detail in the contract: " + storage);
        }
    }
}
