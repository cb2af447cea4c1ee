package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Queries without Quarkus: bound to one partition, placeholders only, and every page read once, in order. */
class PartitionQueryTest {

    @Test
    void anOwnersQueryIsBoundToTheOwnersPartitionAndReadsKeysOnlyByDefault() {
        QueryRequest request = PartitionQuery.owner("UserProfiles", "alice-sub").consistent().page(null);
        assertEquals("#pk = :pk", request.keyConditionExpression());
        assertEquals(AttributeValue.fromS("alice-sub"), request.expressionAttributeValues().get(":pk"));
        assertEquals("#pk, #sk", request.projectionExpression());
        assertEquals(Map.of("#pk", "user_id", "#sk", "sk"), request.expressionAttributeNames());
        assertTrue(request.consistentRead());
        assertNull(request.indexName());
        assertFalse(request.hasExclusiveStartKey());
    }

    @Test
    void aPrefixAndAProjectionNarrowTheQuery() {
        Projection view = Projection.of(List.of("label", "city"));
        Map<String, AttributeValue> start = ItemKey.address("alice-sub", "a1").toAttributes();
        QueryRequest request = PartitionQuery.owner("UserProfiles", "alice-sub").sortKeyBeginsWith("ADDRESS#")
                .project(view).limit(20).page(start);
        assertEquals("#pk = :pk AND begins_with(#sk, :prefix)", request.keyConditionExpression());
        assertEquals(AttributeValue.fromS("ADDRESS#"), request.expressionAttributeValues().get(":prefix"));
        assertEquals("#p0, #p1", request.projectionExpression());
        assertEquals(Map.of("#pk", "user_id", "#sk", "sk", "#p0", "label", "#p1", "city"), request.expressionAttributeNames());
        assertEquals(20, request.limit());
        assertEquals(start, request.exclusiveStartKey());
        assertNull(request.consistentRead());
    }

    @Test
    void theEmailIndexIsQueriedByTheTagNeverByTheEmail() {
        QueryRequest request = PartitionQuery.emailIndex("UserProfiles", "tag-1").limit(10).page(null);
        assertEquals("email-index", request.indexName());
        assertEquals("#e = :e", request.keyConditionExpression());
        assertEquals("email_hmac", request.expressionAttributeNames().get("#e"));
        assertEquals(AttributeValue.fromS("tag-1"), request.expressionAttributeValues().get(":e"));
        assertEquals("#pk, #sk", request.projectionExpression());
    }

    @Test
    void pagesFollowLastEvaluatedKeyUntilThereIsNone() {
        Map<String, AttributeValue> first = ItemKey.address("alice-sub", "1").toAttributes();
        Map<String, AttributeValue> second = ItemKey.address("alice-sub", "2").toAttributes();
        List<QueryResponse> answers = List.of(page(first), page(second), page(Map.of()));
        List<Map<String, AttributeValue>> starts = new ArrayList<>();

        List<QueryResponse> pages = PartitionQuery.owner("UserProfiles", "alice-sub")
                .pages(request -> {
                    starts.add(request.hasExclusiveStartKey() ? request.exclusiveStartKey() : null);
                    return Uni.createFrom().item(answers.get(starts.size() - 1));
                })
                .collect().asList().await().indefinitely();

        assertEquals(answers, pages, "every page, the last included, once");
        assertEquals(Arrays.asList(null, first, second), starts);
    }

    @Test
    void aSinglePageWithoutLastEvaluatedKeyIsTheWholeStream() {
        List<QueryResponse> pages = PartitionQuery.owner("UserProfiles", "alice-sub")
                .pages(request -> Uni.createFrom().item(QueryResponse.builder().items(List.of()).build()))
                .collect().asList().await().indefinitely();
        assertEquals(1, pages.size());
    }

    private static QueryResponse page(Map<String, AttributeValue> lastEvaluatedKey) {
        return QueryResponse.builder().items(List.of(Map.of("sk", AttributeValue.fromS("x"))))
                .lastEvaluatedKey(lastEvaluatedKey).build();
    }
}
