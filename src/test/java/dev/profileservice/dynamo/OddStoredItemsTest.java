package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items written by hand or by another system, with values of the wrong type or shape, planted in dynalite: reads and
 * writes answer a 2xx or a 4xx, never a 5xx, and the service's next write repairs what it owns.
 */
@QuarkusTest
class OddStoredItemsTest extends ApiTest {

    @BeforeEach
    void clean() {
        deletePartition(Tokens.ALICE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "1E+30", "1000000000000000000" })
    void aVersionNoETagCanCarryReadsAsNoneAndTheNextWriteRepairsIt(String stored) {
        plant(Tokens.ALICE, "PROFILE", Map.of("display_name", AttributeValue.fromS("Odd"), "version", AttributeValue.fromN(stored)));
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.alice()).header("If-Match", "\"0\"").body("{\"displayName\": \"Even\"}").put("/api/profile").then()
                .statusCode(200).header("ETag", "\"1\"");
        assertEquals("1", rawItem(Tokens.ALICE, "PROFILE").get("version").n());
    }

    @Test
    void aVersionStoredAsAStringCountsAsNone() {
        plant(Tokens.ALICE, "PROFILE", Map.of("display_name", AttributeValue.fromS("Odd"), "version", AttributeValue.fromS("4")));
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"locale\": \"fr\"}")
                .patch("/api/profile").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aFractionalVersionReadsAndRefusesWritesWithoutA5xx() {
        // no condition can tell 7.5 from 7, so a write at "0" is stale: a 412 the client can see, not a 500
        plant(Tokens.ALICE, "PROFILE", Map.of("display_name", AttributeValue.fromS("Odd"), "version", AttributeValue.fromN("7.5")));
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).header("ETag", "\"0\"");
        as(Tokens.alice()).header("If-Match", "\"0\"").body("{\"displayName\": \"Even\"}").put("/api/profile").then()
                .statusCode(412).contentType("application/problem+json");
    }

    @Test
    void addressSlotsOfAnotherTypeShutTheGateWithoutA5xx() {
        String id = UUID.randomUUID().toString();
        plant(Tokens.ALICE, "PROFILE", Map.of("display_name", AttributeValue.fromS("Odd"), "version", AttributeValue.fromN("1"),
                "address_slots", AttributeValue.fromS("x")));
        plant(Tokens.ALICE, "ADDRESS#" + id, Map.of("line1", AttributeValue.fromS("1 Odd Row"), "city", AttributeValue.fromS("C"),
                "country", AttributeValue.fromS("GB")));
        Response post = as(Tokens.alice()).body("{\"line1\": \"2 Odd Row\", \"city\": \"C\", \"postalCode\": \"1\", \"country\": \"GB\"}")
                .post("/api/profile/addresses");
        assertEquals(409, post.statusCode(), post.asString());
        Response delete = as(Tokens.alice()).delete("/api/profile/addresses/" + id);
        assertEquals(204, delete.statusCode(), delete.asString());
        assertTrue(rawItem(Tokens.ALICE, "ADDRESS#" + id) == null || rawItem(Tokens.ALICE, "ADDRESS#" + id).isEmpty(),
                "the address was deleted");
    }
}
