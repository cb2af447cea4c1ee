package dev.profileservice.crypto;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Management;
import dev.profileservice.support.ServiceLog;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * With profile.crypto.accept-legacy-plaintext=false, plaintext in an encrypted attribute (a legacy item, or a
 * ciphertext someone with write access swapped for plaintext) fails closed: a generic 500 with an errorId, a
 * metric, and a log line naming the attribute and item key but not the value. Sealed data reads as before.
 */
@QuarkusTest
@TestProfile(LegacyPlaintextRefusedTest.PlaintextOff.class)
class LegacyPlaintextRefusedTest extends ApiTest {

    private static final Pattern REFUSED = Pattern.compile(
            "profile_crypto_legacy_plaintext_refused_total\\{attribute=\"(\\w+)\"[^}]*} ([0-9.]+)");

    public static class PlaintextOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("profile.crypto.accept-legacy-plaintext", "false");
        }
    }

    @Test
    void plaintextSwappedIntoAnEncryptedAttributeFailsClosed() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).body("email", equalTo("alice@example.org"));

        // someone with write access to the table downgrades the sealed email to plaintext
        String swapped = "swapped.in@attacker.example";
        Map<String, AttributeValue> item = new java.util.HashMap<>(rawItem(Tokens.ALICE, "PROFILE"));
        assertNotNull(item.get("email").b(), "the email was sealed");
        item.put("email", AttributeValue.fromS(swapped));
        plant(Tokens.ALICE, "PROFILE", item);

        Response response = as(Tokens.alice()).get("/api/profile");
        assertEquals(500, response.statusCode());
        String errorId = response.jsonPath().getString("errorId");
        assertNotNull(errorId);
        assertFalse(response.asString().contains(swapped) || response.asString().contains("email"), response.asString());

        String line = ServiceLog.lines().stream().filter(l -> l.contains(errorId)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line for errorId " + errorId));
        assertTrue(line.contains("attribute email") && line.contains(Tokens.ALICE) && line.contains("PROFILE")
                && line.contains("accept-legacy-plaintext=false"), line);
        assertTrue(ServiceLog.lines().stream().noneMatch(l -> l.contains(swapped)), "the plaintext value is logged");
        assertTrue(refusals().getOrDefault("email", 0.0) >= 1, "metric " + refusals());
    }

    @Test
    void plaintextStoredAsANumberIsRefusedToo() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        String digits = "1415" + "5550199";
        Map<String, AttributeValue> item = new java.util.HashMap<>(rawItem(Tokens.ALICE, "PROFILE"));
        item.put("phone", AttributeValue.fromN(digits));
        plant(Tokens.ALICE, "PROFILE", item);
        double before = refusals().getOrDefault("phone", 0.0);

        Response response = as(Tokens.alice()).get("/api/profile");
        assertEquals(500, response.statusCode(), response.asString());
        assertFalse(response.asString().contains(digits), response.asString());
        assertTrue(refusals().getOrDefault("phone", 0.0) > before, "metric " + refusals());
    }

    @Test
    void aLegacyItemIsRefusedWhileSealedOnesStillRead() {
        plantLegacyProfile(Tokens.BOB);
        Response legacy = as(Tokens.bob()).get("/api/profile");
        assertEquals(500, legacy.statusCode());
        assertFalse(legacy.asString().contains(PLANTED_SSN) || legacy.asString().contains("legacy.example.org"));
        as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(500);

        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).body("phone", equalTo("+14155552671"));
        assertFalse(refusals().isEmpty());
    }

    /** profile_crypto_legacy_plaintext_refused_total by attribute, from the management port. */
    private static Map<String, Double> refusals() {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> counts = new java.util.HashMap<>();
        Matcher m = REFUSED.matcher(metrics);
        while (m.find()) {
            counts.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
        }
        return counts;
    }
}
