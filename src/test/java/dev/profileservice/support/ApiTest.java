package dev.profileservice.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import dev.profileservice.config.ProfileConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Shared fixture of the API tests: tokens, a direct (bypassing the API) view of the table to
 * plant and inspect raw items, and a clean table per test for the users involved.
 */
@io.quarkus.test.common.QuarkusTestResource(value = DynaliteResource.class, restrictToAnnotatedClass = false)
@io.quarkus.test.common.QuarkusTestResource(value = OidcServerResource.class, restrictToAnnotatedClass = false)
public abstract class ApiTest {

    /** Values planted straight into the table, as other systems would write them. None may ever leave. */
    public static final String PLANTED_PASSWORD_HASH = "$2b$12$PLANTEDhashPLANTEDhashPLANTEDhashPLANTEDhashXY";
    public static final String PLANTED_SSN = "078051120";
    public static final String PLANTED_NOTES = "PLANTED-internal-note: flagged by fraud team";
    public static final String PLANTED_FLAG = "PLANTED_FLAG_chargeback";

    @Inject
    protected DynamoDbAsyncClient dynamo;

    @Inject
    protected ProfileConfig config;

    @BeforeEach
    void cleanPartitions() {
        for (String user : new String[] { Tokens.ALICE, Tokens.BOB, Tokens.ADMIN }) {
            deletePartition(user);
        }
        CapturingInterceptor.clear();
    }

    protected static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Gives the token's owner a profile, which addresses need, unless there is one already. */
    protected static void ensureProfile(String token) {
        int status = as(token).body("{\"displayName\": \"Owner\"}").put("/api/profile").statusCode();
        if (status != 201 && status != 428) {
            throw new IllegalStateException("cannot create a profile: " + status);
        }
    }

    /** The admin lookup by email: the email travels in the body, never in the URL. */
    protected static io.restassured.response.Response adminSearch(String token, String email) {
        return as(token).body(Map.of("email", email)).post("/api/admin/profiles/search");
    }

    /** Writes an item straight into the table, bypassing the service. */
    protected void plant(String userId, String sortKey, Map<String, AttributeValue> attributes) {
        var item = new java.util.HashMap<>(attributes);
        item.put("user_id", AttributeValue.fromS(userId));
        item.put("sk", AttributeValue.fromS(sortKey));
        join(dynamo.putItem(r -> r.tableName(config.table()).item(item)));
    }

    /** A legacy profile with every sensitive attribute other systems keep beside ours. */
    protected void plantLegacyProfile(String userId) {
        plant(userId, "PROFILE", Map.of(
                "display_name", AttributeValue.fromS("Legacy " + userId.substring(0, 4)),
                "email", AttributeValue.fromS(userId.substring(0, 8) + "@legacy.example.org"),
                "password_hash", AttributeValue.fromS(PLANTED_PASSWORD_HASH),
                "ssn", AttributeValue.fromS(PLANTED_SSN),
                "internal_notes", AttributeValue.fromS(PLANTED_NOTES),
                "account_flags", AttributeValue.fromSs(java.util.List.of(PLANTED_FLAG, "PLANTED_FLAG_review")),
                "version", AttributeValue.fromN("4")));
    }

    /** The whole raw item, read with a consistent GetItem without projection: test-side only. */
    protected Map<String, AttributeValue> rawItem(String userId, String sortKey) {
        return join(dynamo.getItem(r -> r.tableName(config.table()).consistentRead(true)
                .key(Map.of("user_id", AttributeValue.fromS(userId), "sk", AttributeValue.fromS(sortKey))))).item();
    }

    protected java.util.List<Map<String, AttributeValue>> rawPartition(String userId) {
        return join(dynamo.query(r -> r.tableName(config.table()).consistentRead(true)
                .keyConditionExpression("user_id = :u")
                .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId))))).items();
    }

    protected void deletePartition(String userId) {
        for (var item : rawPartition(userId)) {
            join(dynamo.deleteItem(r -> r.tableName(config.table())
                    .key(Map.of("user_id", item.get("user_id"), "sk", item.get("sk")))));
        }
    }

    protected static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the caller's profile every 250 ms until it answers 200 or 20 s have passed (a circuit breaker closing
     * after an outage); returns the last status.
     */
    protected static int statusOnceRecovered(String token) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            Thread.sleep(250);
            status = as(token).get("/api/profile").statusCode();
        }
        return status;
    }

    protected static String fullProfileJson() {
        return """
                {"displayName": "Alice A.", "avatarUrl": "https://cdn.example.org/a.png",
                 "email": "alice@example.org", "phone": "+14155552671", "locale": "en-GB",
                 "preferences": {"theme": "dark"}, "ssn": "123-45-6789"}
                """;
    }
}
