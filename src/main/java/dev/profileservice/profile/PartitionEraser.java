package dev.profileservice.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.DynamoGateway;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Erases every item in one owner's partition: a keys-only Query bound to the owner, then
 * BatchWriteItem deletes in chunks of 25, retrying unprocessed items with backoff. No
 * transactions (dynalite has none); a partial failure is safe to retry, since deletes are idempotent.
 */
@ApplicationScoped
public class PartitionEraser {

    static final int BATCH_SIZE = 25;
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

    private final DynamoGateway dynamo;
    private final ProfileConfig config;

    PartitionEraser(DynamoGateway dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Erases the partition and returns how many items it held. */
    public Uni<Integer> erase(String ownerId) {
        return erasePage(ownerId, null, 0);
    }

    private Uni<Integer> erasePage(String ownerId, Map<String, AttributeValue> startKey, int erased) {
        QueryRequest query = QueryRequest.builder()
                .tableName(config.table())
                .keyConditionExpression("#pk = :pk")
                .projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", Attributes.USER_ID, "#sk", Attributes.SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ownerId)))
                .exclusiveStartKey(startKey)
                .consistentRead(true)
                .build();
        return dynamo.query(query).flatMap(page -> {
            List<WriteRequest> deletes = page.items().stream()
                    .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                    .toList();
            Uni<Void> deleted = deleteInChunks(deletes);
            int total = erased + deletes.size();
            return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? deleted.chain(() -> erasePage(ownerId, page.lastEvaluatedKey(), total))
                    : deleted.replaceWith(total);
        });
    }

    private Uni<Void> deleteInChunks(List<WriteRequest> deletes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < deletes.size(); from += BATCH_SIZE) {
            List<WriteRequest> chunk = deletes.subList(from, Math.min(from + BATCH_SIZE, deletes.size()));
            chain = chain.chain(() -> batch(chunk, 1));
        }
        return chain;
    }

    private Uni<Void> batch(List<WriteRequest> chunk, int attempt) {
        BatchWriteItemRequest request = BatchWriteItemRequest.builder()
                .requestItems(Map.of(config.table(), chunk))
                .build();
        return dynamo.batchWriteItem(request).flatMap(response -> {
            List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                    ? response.unprocessedItems().getOrDefault(config.table(), List.of())
                    : List.of();
            if (unprocessed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (attempt >= MAX_ATTEMPTS) {
                return Uni.createFrom().failure(new IllegalStateException(
                        unprocessed.size() + " deletes still unprocessed after " + attempt + " attempts"));
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
            Log.debugf("Retrying %d unprocessed deletes in %d ms", unprocessed.size(), backoff.toMillis());
            return Uni.createFrom().voidItem().onItem().delayIt().by(backoff)
                    .chain(() -> batch(new ArrayList<>(unprocessed), attempt + 1));
        });
    }
}
