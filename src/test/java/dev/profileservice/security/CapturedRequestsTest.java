package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.CapturingInterceptor;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Inspects every DynamoDB request the service actually sends while each endpoint is driven:
 * each read is bound by key to the right owner and projects only its view's attributes.
 */
@QuarkusTest
class CapturedRequestsTest extends ApiTest {

    private static final Set<String> PUBLIC = Set.of("user_id", "display_name", "avatar_url");
    private static final Set<String> OWNER = Set.of("user_id", "display_name", "avatar_url", "email", "phone", "locale",
            "preferences", "ssn_last4", "created_at", "updated_at", "version");
    private static final Set<String> ADMIN = union(OWNER, Set.of("internal_notes", "account_flags"));
    private static final Set<String> ADDRESS = Set.of("sk", "label", "line1", "line2", "city", "postal_code", "country");

    @Test
    void ownerReadIsKeyBoundToTheCallerAndProjectedToTheOwnerView() {
        plantLegacyProfile(Tokens.ALICE);
        CapturingInterceptor.clear();
        as(Tokens.alice()).get("/api/profile").then().statusCode(200);
        assertGetItem(single(GetItemRequest.class), Tokens.ALICE, OWNER);
    }

    @Test
    void publicReadIsKeyBoundToTheNamedUserAndProjectedToThePublicView() {
        plantLegacyProfile(Tokens.BOB);
        CapturingInterceptor.clear();
        as(Tokens.alice()).get("/api/profiles/" + Tokens.BOB).then().statusCode(200);
        assertGetItem(single(GetItemRequest.class), Tokens.BOB, PUBLIC);
    }

    @Test
    void adminReadIsProjectedToTheAdminView() {
        plantLegacyProfile(Tokens.BOB);
        CapturingInterceptor.clear();
        as(Tokens.admin()).get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200);
        assertGetItem(single(GetItemRequest.class), Tokens.BOB, ADMIN);
    }

    @Test
    void adminEmailLookupQueriesTheKeysOnlyIndexByBlindIndexNeverByPlaintextThenReadsWithTheAdminProjection() {
        as(Tokens.bob()).body("{\"displayName\": \"Bob\", \"email\": \"Bob.Lookup@Example.org\"}").put("/api/profile")
                .then().statusCode(201);
        CapturingInterceptor.clear();
        adminSearch(Tokens.admin(), "Bob.Lookup@example.ORG")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].email", org.hamcrest.Matchers.equalTo("bob.lookup@example.org"));
        QueryRequest query = single(QueryRequest.class);
        assertEquals("email-index", query.indexName());
        assertEquals(Set.of("user_id", "sk"), projected(query.projectionExpression(), query.expressionAttributeNames()));
        assertEquals("email_hmac", query.expressionAttributeNames().get("#e"));
        assertFalse(query.expressionAttributeNames().containsValue("email"), "the plaintext email is no index key");
        assertFalse(query.toString().toLowerCase(java.util.Locale.ROOT).contains("bob.lookup"),
                "the query carries the blind index, never the email: " + query);
        assertGetItem(single(GetItemRequest.class), Tokens.BOB, ADMIN);
    }

    @Test
    void addressListIsAQueryOnTheCallersPartitionProjectedToTheAddressView() {
        ensureProfile(Tokens.alice());
        as(Tokens.alice()).body(BolaMatrixTest.address("1 Way")).post("/api/profile/addresses").then().statusCode(201);
        CapturingInterceptor.clear();
        as(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200);
        QueryRequest query = single(QueryRequest.class);
        assertTrue(query.keyConditionExpression().startsWith("#pk = :pk"), query.keyConditionExpression());
        assertEquals("user_id", query.expressionAttributeNames().get("#pk"));
        assertEquals(AttributeValue.fromS(Tokens.ALICE), query.expressionAttributeValues().get(":pk"));
        assertEquals(ADDRESS, projected(query.projectionExpression(), query.expressionAttributeNames()));
    }

    @Test
    void everyRequestOfAFullSessionIsOwnerBoundProjectedAndNeverAScan() {
        plantLegacyProfile(Tokens.ALICE);
        CapturingInterceptor.clear();
        as(Tokens.alice()).header("If-Match", "\"4\"").body(fullProfileJson()).put("/api/profile").then().statusCode(200);
        as(Tokens.alice()).contentType("application/merge-patch+json").header("If-Match", "\"5\"")
                .body("{\"locale\": \"de\"}").patch("/api/profile").then().statusCode(200);
        as(Tokens.alice()).body(BolaMatrixTest.address("1 Way")).post("/api/profile/addresses").then().statusCode(201);
        as(Tokens.alice()).get("/api/profile/export").then().statusCode(200);
        as(Tokens.alice()).get("/api/profile/addresses?limit=1").then().statusCode(200);
        as(Tokens.alice()).delete("/api/profile").then().statusCode(204);

        List<SdkRequest> requests = CapturingInterceptor.requests();
        assertFalse(requests.isEmpty());
        for (SdkRequest request : requests) {
            assertFalse(request instanceof ScanRequest, "the service scanned: " + request);
            if (request instanceof GetItemRequest get) {
                assertEquals(AttributeValue.fromS(Tokens.ALICE), get.key().get("user_id"));
                Set<String> attributes = projected(get.projectionExpression(), get.expressionAttributeNames());
                assertTrue(OWNER.containsAll(attributes), attributes.toString());
            } else if (request instanceof QueryRequest query) {
                assertEquals(AttributeValue.fromS(Tokens.ALICE), query.expressionAttributeValues().get(":pk"));
                assertNotNull(query.projectionExpression());
                Set<String> attributes = projected(query.projectionExpression(), query.expressionAttributeNames());
                assertFalse(attributes.contains("password_hash") || attributes.contains("ssn"), attributes.toString());
            } else if (request instanceof UpdateItemRequest update) {
                assertEquals(AttributeValue.fromS(Tokens.ALICE), update.key().get("user_id"));
                assertNotNull(update.conditionExpression());
                assertTrue(update.returnValuesOnConditionCheckFailure() != ReturnValuesOnConditionCheckFailure.ALL_OLD);
                assertFalse(update.expressionAttributeNames().containsValue("password_hash"));
                assertFalse(update.expressionAttributeNames().containsValue("internal_notes"));
                assertFalse(update.expressionAttributeNames().containsValue("account_flags"));
            }
        }
    }

    private static void assertGetItem(GetItemRequest get, String owner, Set<String> view) {
        assertEquals(Map.of("user_id", AttributeValue.fromS(owner), "sk", AttributeValue.fromS("PROFILE")), get.key());
        assertEquals(view, projected(get.projectionExpression(), get.expressionAttributeNames()));
    }

    private static Set<String> projected(String expression, Map<String, String> names) {
        assertNotNull(expression, "read without projection");
        Set<String> attributes = new HashSet<>();
        for (String part : expression.split(",")) {
            String token = part.strip();
            attributes.add(names.getOrDefault(token, token));
        }
        return attributes;
    }

    private static <T> T single(Class<T> type) {
        List<T> matching = CapturingInterceptor.requests().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, matching.size(), "expected one " + type.getSimpleName() + ": " + matching);
        return matching.get(0);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
