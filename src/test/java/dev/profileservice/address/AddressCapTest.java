package dev.profileservice.address;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Together;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * At most {@code profile.limits.max-addresses} (50) addresses per owner, under concurrency, and an
 * address needs a profile. The export carries all of them, and more if the table holds more.
 */
@QuarkusTest
class AddressCapTest extends ApiTest {

    @Test
    void theExportCarriesEveryAddressEvenPastTheCap() {
        // written by another system, or slots drifted from items: more addresses than the cap of new ones
        ensureProfile(Tokens.alice());
        for (int i = 0; i < 57; i++) {
            plant(Tokens.ALICE, "ADDRESS#" + UUID.randomUUID(), Map.of("city", AttributeValue.fromS("Drift " + i),
                    "country", AttributeValue.fromS("NL")));
        }
        as(Tokens.alice()).get("/api/profile/export").then().statusCode(200)
                .body("addresses.size()", equalTo(57))
                .body("addressesTruncated", nullValue());
    }

    @Test
    void twentyConcurrentPostsOnFortyFiveAddressesLeaveExactlyFifty() throws Exception {
        String alice = Tokens.alice();
        ensureProfile(alice);
        for (int i = 0; i < 45; i++) {
            post(alice, i).then().statusCode(201);
        }
        List<Response> answers = concurrently(20, alice);
        long created = answers.stream().filter(r -> r.statusCode() == 201).count();
        List<Response> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
        // A 503 (the backend too slow on a loaded machine) takes no slot: its write is undone.
        long failed = answers.stream().filter(r -> r.statusCode() == 503).count();
        assertEquals(20, created + refused.size() + failed, "only 201, 409 and 503 expected: "
                + answers.stream().map(Response::statusCode).toList());
        assertTrue(created <= 5, created + " created past the cap");
        if (failed == 0) {
            assertEquals(5, created);
        }
        refused.forEach(AddressCapTest::assertProblem);
        assertEquals(45 + created, addresses(Tokens.ALICE));
        for (long have = 45 + created; have < 50; have++) {
            post(alice, 200 + (int) have).then().statusCode(201);
        }
        assertEquals(50, addresses(Tokens.ALICE));

        Response next = post(alice, 99);
        next.then().statusCode(409);
        assertProblem(next);
        as(alice).get("/api/profile/export").then().statusCode(200)
                .body("addresses.size()", org.hamcrest.Matchers.equalTo(50));

        String one = as(alice).get("/api/profile/addresses?limit=1").jsonPath().getString("items[0].id");
        as(alice).delete("/api/profile/addresses/" + one).then().statusCode(204);
        post(alice, 100).then().statusCode(201);
        post(alice, 101).then().statusCode(409);
        assertEquals(50, addresses(Tokens.ALICE));
    }

    @Test
    void anAddressNeedsAProfile() {
        Response response = post(Tokens.bob(), 1);
        response.then().statusCode(409);
        assertProblem(response);
        assertEquals(0, rawPartition(Tokens.BOB).size());
    }

    private static void assertProblem(Response response) {
        response.then().contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(409))
                .body("errorId", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    private long addresses(String owner) {
        return rawPartition(owner).stream().filter(i -> i.get("sk").s().startsWith("ADDRESS#")).count();
    }

    private static Response post(String token, int i) {
        return as(token).body("""
                {"line1": "%d Cap Street", "city": "Bound", "postalCode": "50", "country": "NL"}
                """.formatted(i)).post("/api/profile/addresses");
    }

    /** {@code count} POSTs released together. */
    static List<Response> concurrently(int count, String token) throws Exception {
        return Together.run(count, n -> () -> post(token, 1000 + n));
    }
}
