package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sensitive attributes planted straight into the table, as legacy systems write them. They
 * must never leave through the API, and must survive every write of ours byte for byte.
 */
@QuarkusTest
class PlantedAttributesTest extends ApiTest {

    private static final List<String> NEVER_LEAVE = List.of(PLANTED_PASSWORD_HASH, PLANTED_SSN, "078-05-1120",
            "password_hash", "passwordHash");
    private static final List<String> ADMIN_ONLY = List.of(PLANTED_NOTES, PLANTED_FLAG, "internalNotes", "accountFlags");

    @Test
    void plantedSecretsNeverAppearInAnyResponse() {
        plantLegacyProfile(Tokens.ALICE);
        plantLegacyProfile(Tokens.BOB);
        List<String> ownerOrPublic = new ArrayList<>();
        ownerOrPublic.add(as(Tokens.alice()).get("/api/profile").then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.alice()).get("/api/profile/export").then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.alice()).get("/api/profiles/" + Tokens.BOB).then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.bob()).get("/api/profiles/" + Tokens.ALICE).then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.alice()).header("If-Match", "\"4\"").body("{\"displayName\": \"Alice\"}")
                .put("/api/profile").then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"5\"")
                .body("{\"locale\": \"de\"}").patch("/api/profile").then().statusCode(200).extract().asString());
        ownerOrPublic.add(as(Tokens.alice()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(403).extract().asString());
        // A legacy item has no email_hmac yet, so the lookup does not find it until a write or backfill indexes it.
        String admin = as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200).extract().asString()
                + adminSearch(Tokens.admin(), "8d2e4b71@legacy.example.org")
                        .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0)).extract().asString();

        for (String body : ownerOrPublic) {
            NEVER_LEAVE.forEach(secret -> assertFalse(body.contains(secret), secret + " leaked: " + body));
            ADMIN_ONLY.forEach(secret -> assertFalse(body.contains(secret), secret + " leaked: " + body));
        }
        NEVER_LEAVE.forEach(secret -> assertFalse(admin.contains(secret), secret + " leaked to admin: " + admin));
        // The admin does see the admin-only fields: the view is real, not empty.
        ADMIN_ONLY.forEach(value -> org.junit.jupiter.api.Assertions.assertTrue(admin.contains(value), value));
    }

    @Test
    void foreignAttributesSurvivePutPatchAndAddressWritesByteForByte() {
        plantLegacyProfile(Tokens.ALICE);
        Map<String, AttributeValue> before = rawItem(Tokens.ALICE, "PROFILE");

        as(Tokens.alice()).header("If-Match", "\"4\"").body(fullProfileJson()).put("/api/profile").then().statusCode(200);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"5\"")
                .body("{\"phone\": null, \"locale\": \"de\"}").patch("/api/profile").then().statusCode(200);
        as(Tokens.alice()).body(BolaMatrixTest.address("2 Main St")).post("/api/profile/addresses").then().statusCode(201);

        Map<String, AttributeValue> after = rawItem(Tokens.ALICE, "PROFILE");
        for (String foreign : List.of("password_hash", "internal_notes", "account_flags")) {
            assertEquals(before.get(foreign), after.get(foreign), foreign + " changed");
        }
        assertEquals(AttributeValue.fromN("6"), after.get("version"));
    }

    @Test
    void writtenSsnReplacesTheLegacyOneAndOnlyItsLastFourAreReadable() {
        plantLegacyProfile(Tokens.ALICE);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"4\"")
                .body("{\"ssn\": \"219-09-9999\"}").patch("/api/profile").then().statusCode(200)
                .body("ssnLast4", org.hamcrest.Matchers.equalTo("9999"));
        assertEquals("9999", rawItem(Tokens.ALICE, "PROFILE").get("ssn_last4").s());
    }
}
