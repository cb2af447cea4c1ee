package dev.profileservice.crypto;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.profileservice.backfill.ItemResealer;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * PII at rest: what the API writes is ciphertext in the table, a ciphertext moved anywhere
 * else fails closed, legacy plaintext is served and replaced on the next write, and the
 * admin lookup finds encrypted profiles by their blind index.
 */
@QuarkusTest
class EncryptionAtRestTest extends ApiTest {

    private static final String ADDRESS = """
            {"label": "home", "line1": "742 Evergreen Terrace", "line2": "Apt PII-77", "city": "Springfield",
             "postalCode": "PC 4921", "country": "US"}
            """;
    private static final String OTHER_ADDRESS = """
            {"label": "work", "line1": "1 Infinite Loop", "city": "Cupertino", "postalCode": "95014", "country": "US"}
            """;
    /** Every PII value the writes below send, in the forms it could leak in. */
    private static final List<String> WRITTEN_PII = List.of("alice@example.org", "+14155552671", "4155552671",
            "123-45-6789", "123456789", "742 Evergreen Terrace", "Evergreen", "Apt PII-77", "PII-77", "PC 4921");
    private static final List<String> ENCRYPTED = List.of("email", "phone", "ssn", "line1", "line2", "postal_code");

    @Inject
    MeterRegistry registry;

    @Inject
    ItemResealer resealer;

    @Test
    void apiWritesLeaveNoPiiInPlaintextAnywhereInTheTable() {
        as(Tokens.alice()).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(Tokens.alice()).body(ADDRESS).post("/api/profile/addresses").then().statusCode(201);

        List<Map<String, AttributeValue>> items = rawPartition(Tokens.ALICE);
        assertEquals(2, items.size());
        for (Map<String, AttributeValue> item : items) {
            String everything = item.toString() + String.join("|", attributeTexts(item));
            WRITTEN_PII.forEach(pii -> assertFalse(everything.contains(pii), pii + " stored in plaintext: " + item));
            for (String attribute : ENCRYPTED) {
                if (item.containsKey(attribute)) {
                    assertNotNull(item.get(attribute).b(), attribute + " is not Binary ciphertext");
                    assertNull(item.get(attribute).s(), attribute);
                }
            }
        }
        Map<String, AttributeValue> profile = rawItem(Tokens.ALICE, "PROFILE");
        assertTrue(profile.keySet().containsAll(List.of("email", "phone", "ssn", "email_hmac")), profile.keySet().toString());
        assertEquals("6789", profile.get("ssn_last4").s(), "the owner-visible last four stay plaintext");

        // The owner still reads plaintext: the API never sees ciphertext.
        as(Tokens.alice()).get("/api/profile").then().statusCode(200)
                .body("email", equalTo("alice@example.org")).body("phone", equalTo("+14155552671"));
        as(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200)
                .body("items[0].line1", equalTo("742 Evergreen Terrace")).body("items[0].line2", equalTo("Apt PII-77"))
                .body("items[0].postalCode", equalTo("PC 4921"));
    }

    @Test
    void ciphertextCopiedIntoAnotherUsersItemFailsClosedNeverServingTheValue() {
        writeProfile(Tokens.alice(), "alice.victim@example.org");
        writeProfile(Tokens.bob(), "bob@example.org");
        copy(Tokens.ALICE, "PROFILE", "email", Tokens.BOB, "PROFILE", "email");

        assertFailsClosed(as(Tokens.bob()).get("/api/profile").then(), "alice.victim");
        assertFailsClosed(as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then(), "alice.victim");
    }

    @Test
    void ciphertextCopiedIntoAnotherAttributeFailsClosed() {
        writeProfile(Tokens.alice(), "alice.swap@example.org");
        copy(Tokens.ALICE, "PROFILE", "email", Tokens.ALICE, "PROFILE", "phone");

        assertFailsClosed(as(Tokens.alice()).get("/api/profile").then(), "alice.swap");
    }

    @Test
    void ciphertextCopiedIntoAnotherItemFailsClosed() {
        ensureProfile(Tokens.alice());
        as(Tokens.alice()).body(ADDRESS).post("/api/profile/addresses").then().statusCode(201);
        String second = as(Tokens.alice()).body(OTHER_ADDRESS).post("/api/profile/addresses").then().statusCode(201)
                .extract().path("id");
        String first = rawPartition(Tokens.ALICE).stream().map(i -> i.get("sk").s())
                .filter(sk -> !sk.equals("ADDRESS#" + second)).findFirst().orElseThrow();
        copy(Tokens.ALICE, first, "line1", Tokens.ALICE, "ADDRESS#" + second, "line1");

        assertFailsClosed(as(Tokens.alice()).get("/api/profile/addresses").then(), "Evergreen");
        assertFailsClosed(as(Tokens.alice()).get("/api/profile/export").then(), "Evergreen");
    }

    @Test
    void legacyPlaintextIsServedCountedAndEncryptedByTheOwnersNextWrite() {
        plant(Tokens.ALICE, "PROFILE", Map.of(
                "display_name", AttributeValue.fromS("Legacy Alice"),
                "email", AttributeValue.fromS("legacy.alice@example.org"),
                "phone", AttributeValue.fromS("+14155550100"),
                "version", AttributeValue.fromN("4")));
        double emailBefore = legacyReads("email");
        double phoneBefore = legacyReads("phone");

        as(Tokens.alice()).get("/api/profile").then().statusCode(200)
                .body("email", equalTo("legacy.alice@example.org")).body("phone", equalTo("+14155550100"));
        assertEquals(emailBefore + 1, legacyReads("email"));
        assertEquals(phoneBefore + 1, legacyReads("phone"));

        // A PATCH encrypts the fields it writes; the others stay as they were until written.
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"4\"")
                .body("{\"phone\": \"+14155550100\"}").patch("/api/profile").then().statusCode(200);
        Map<String, AttributeValue> patched = rawItem(Tokens.ALICE, "PROFILE");
        assertNotNull(patched.get("phone").b());
        assertEquals("legacy.alice@example.org", patched.get("email").s());

        as(Tokens.alice()).header("If-Match", "\"5\"")
                .body("{\"displayName\": \"Alice\", \"email\": \"legacy.alice@example.org\", \"phone\": \"+14155550100\"}")
                .put("/api/profile").then().statusCode(200).body("email", equalTo("legacy.alice@example.org"));
        Map<String, AttributeValue> replaced = rawItem(Tokens.ALICE, "PROFILE");
        assertNotNull(replaced.get("email").b());
        assertNotNull(replaced.get("phone").b());
        assertNotNull(replaced.get("email_hmac").s());
        // Now indexed, so the lookup finds it.
        adminSearch(Tokens.admin(), "legacy.alice@example.org").then()
                .statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void readsAreCountedByTheKeyIdThatSealedThem() {
        writeProfile(Tokens.alice(), "alice.keys@example.org");
        double before = keyIdReads();
        as(Tokens.alice()).get("/api/profile").then().statusCode(200);
        assertEquals(before + 1, keyIdReads(), "one item read, one count for its key id");
        assertTrue(registry.find("profile.crypto.reads").counters().stream()
                .allMatch(c -> c.getId().getTag("key_id").matches("[0-9]+")));
    }

    @Test
    void adminLookupFindsEncryptedProfilesByEmailAndForgetsThemWhenTheEmailIsRemoved() {
        writeProfile(Tokens.bob(), "bob.found@example.org");
        adminSearch(Tokens.admin(), "BOB.Found@example.org").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("items[0].userId", equalTo(Tokens.BOB))
                .body("items[0].email", equalTo("bob.found@example.org"));

        as(Tokens.bob()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"email\": null}").patch("/api/profile").then().statusCode(200);
        assertFalse(rawItem(Tokens.BOB, "PROFILE").containsKey("email_hmac"), "the blind index goes with the email");
        adminSearch(Tokens.admin(), "bob.found@example.org").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void backfillCoreSealsLegacyPlaintextIndexesTheEmailAndLeavesForeignAttributesAlone() {
        plantLegacyProfile(Tokens.BOB);
        Map<String, AttributeValue> before = rawItem(Tokens.BOB, "PROFILE");
        String legacyEmail = before.get("email").s();

        apply(Tokens.BOB, resealer.resealLegacy(ItemKey.profile(Tokens.BOB), before));

        Map<String, AttributeValue> after = rawItem(Tokens.BOB, "PROFILE");
        assertNotNull(after.get("email").b());
        assertNotNull(after.get("ssn").b(), "the full ssn is sealed too");
        assertNotNull(after.get("email_hmac").s());
        for (String foreign : List.of("password_hash", "internal_notes", "account_flags", "version")) {
            assertEquals(before.get(foreign), after.get(foreign), foreign);
        }
        assertTrue(resealer.resealLegacy(ItemKey.profile(Tokens.BOB), after).isEmpty(), "a second run has nothing to do");
        adminSearch(Tokens.admin(), legacyEmail).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].email", equalTo(legacyEmail));
    }

    private void apply(String userId, ItemChanges changes) {
        ItemChanges.Rendered update = changes.render();
        join(dynamo.updateItem(r -> r.tableName(config.table())
                .key(ItemKey.profile(userId).toAttributes())
                .updateExpression(update.expression())
                .expressionAttributeNames(update.names())
                .expressionAttributeValues(update.values())));
    }

    private void writeProfile(String token, String email) {
        as(token).body("{\"displayName\": \"Someone\", \"email\": \"" + email + "\", \"phone\": \"+14155552671\"}")
                .put("/api/profile").then().statusCode(201);
    }

    /** Copies one attribute's raw value, as an attacker with table write access would. */
    private void copy(String fromUser, String fromSk, String fromAttribute, String toUser, String toSk, String toAttribute) {
        AttributeValue value = rawItem(fromUser, fromSk).get(fromAttribute);
        assertNotNull(value.b(), "expected ciphertext to copy");
        join(dynamo.updateItem(r -> r.tableName(config.table())
                .key(Map.of("user_id", AttributeValue.fromS(toUser), "sk", AttributeValue.fromS(toSk)))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", toAttribute))
                .expressionAttributeValues(Map.of(":v", value))));
    }

    private static void assertFailsClosed(ValidatableResponse response, String secret) {
        response.statusCode(500).contentType("application/problem+json")
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString(secret)));
    }

    private double legacyReads(String attribute) {
        Counter counter = registry.find("profile.crypto.legacy.plaintext.reads").tag("attribute", attribute).counter();
        return counter == null ? 0 : counter.count();
    }

    private double keyIdReads() {
        return registry.find("profile.crypto.reads").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Every attribute value as text: S, N, sets and maps as they are, B both as UTF-8 and as Latin-1. */
    private static List<String> attributeTexts(Map<String, AttributeValue> item) {
        List<String> texts = new ArrayList<>();
        item.values().forEach(v -> {
            if (v.b() != null) {
                texts.add(new String(v.b().asByteArray(), StandardCharsets.UTF_8));
                texts.add(new String(v.b().asByteArray(), StandardCharsets.ISO_8859_1));
            }
            texts.add(String.valueOf(v.s()));
            texts.add(String.valueOf(v.n()));
            texts.add(String.valueOf(v.ss()));
            texts.add(String.valueOf(v.m()));
        });
        return texts;
    }
}
