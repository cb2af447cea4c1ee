package dev.profileservice.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.DynamoGateway;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.PartitionQuery;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Erases every item in one owner's partition: a keys-only Query bound to the owner, page by
 * page, then BatchWriteItem deletes in chunks of 25, retrying unprocessed items with backoff. No
 * transactions (dynalite has none); a partial failure is safe to retry, since deletes are idempotent.
 */
@ApplicationScoped
public class PartitionEraser {

    static final int BATCH_SIZE = 25;
    private static final int SWEEP_PAGE = 100;
    private static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

    private final DynamoGateway dynamo;
    private final ProfileConfig config;

    PartitionEraser(DynamoGateway dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /**
     * Erases the partition and returns how many items it swept. The profile item goes first: that
     * shuts the address gate (see AddressCounter), so only writes already past it can still land,
     * and those clean up after themselves. The sweep then holds one page of keys at a time.
     */
    public Uni<Integer> erase(String ownerId) {
        DeleteItemRequest profile = DeleteItemRequest.builder().tableName(config.table())
                .key(ItemKey.profile(ownerId).toAttributes()).build();
        return dynamo.deleteItem(profile).chain(() -> sweep(ownerId));
    }

    private Uni<Integer> sweep(String ownerId) {
        return PartitionQuery.owner(config.table(), ownerId).consistent().limit(SWEEP_PAGE).pages(dynamo::query)
                .onItem().transformToUniAndConcatenate(page -> {
                    List<WriteRequest> deletes = page.items().stream()
                            .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                            .toList();
                    return deleteInChunks(deletes).replaceWith(deletes.size());
                })
                .collect().with(Collectors.summingInt(Integer::intValue));
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
