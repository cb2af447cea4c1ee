package dev.profileservice.backfill;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.crypto.UnreadableAttributeException;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.Projection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The backfill command: walks the whole table and, in place, seals legacy plaintext
 * ({@link Mode#ENCRYPT}) or re-seals ciphertexts of older keys under the primary key
 * ({@link Mode#ROTATE}). The resealer decides what an item needs; this class only pages, paces,
 * writes conditionally and reports. Running it twice is harmless: done items need nothing.
 */
@ApplicationScoped
public class Backfill {

    static final String ITEMS = "profile.backfill.items";

    /** The attributes a write is conditioned on: each must still hold exactly what the scan read. */
    private static final List<String> GUARDED = Stream.concat(Stream.of(Attributes.VERSION, Attributes.EMAIL_HMAC),
            Attributes.ENCRYPTED.stream().sorted()).toList();
    /** The keys and the guarded attributes: never password_hash or any foreign attribute. */
    public static final List<String> PROJECTION = Stream.concat(Stream.of(Attributes.USER_ID, Attributes.SORT_KEY),
            GUARDED.stream()).toList();

    public enum Mode {
        ENCRYPT, ROTATE;

        public static Mode parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    public enum Outcome {
        UPDATED, SKIPPED, CONFLICT, FAILED
    }

    public record Options(Mode mode, int pageSize, double ratePerSecond, Optional<String> resumeFrom) {

        public static Options defaults(Mode mode) {
            return new Options(mode, 100, 50, Optional.empty());
        }
    }

    public record Report(Mode mode, long scanned, long updated, long skipped, long conflicts, long failed) {

        static Report of(Mode mode, long scanned, Map<Outcome, Long> counts) {
            return new Report(mode, scanned, counts.get(Outcome.UPDATED), counts.get(Outcome.SKIPPED),
                    counts.get(Outcome.CONFLICT), counts.get(Outcome.FAILED));
        }
    }

    private final DynamoDbAsyncClient client;
    private final ItemResealer resealer;
    private final MeterRegistry registry;
    private final String table;

    Backfill(DynamoDbAsyncClient client, ItemResealer resealer, MeterRegistry registry, ProfileConfig config) {
        this.client = client;
        this.resealer = resealer;
        this.registry = registry;
        this.table = config.table();
    }

    public Report run(Options options) throws InterruptedException {
        RateLimiter limiter = new RateLimiter(options.ratePerSecond());
        Map<String, AttributeValue> start = options.resumeFrom().map(ResumeToken::decode).orElse(null);
        long began = System.nanoTime();
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0L);
        }
        long scanned = 0;
        Log.infof("backfill %s: starting%s", name(options.mode()), start == null ? "" : " from the resume token");
        do {
            ScanResponse page = join(scan(start, options.pageSize()));
            for (Map<String, AttributeValue> item : page.items()) {
                scanned++;
                Outcome outcome = process(options.mode(), item, limiter);
                counts.merge(outcome, 1L, Long::sum);
                registry.counter(ITEMS, "mode", name(options.mode()), "outcome", name(outcome)).increment();
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            Report report = Report.of(options.mode(), scanned, counts);
            Log.infof("backfill %s: scanned=%d updated=%d skipped=%d conflicts=%d failed=%d elapsed=%ds%s",
                    name(options.mode()), scanned, report.updated(), report.skipped(), report.conflicts(), report.failed(),
                    Duration.ofNanos(System.nanoTime() - began).toSeconds(),
                    start == null ? " done" : " resume-from=" + ResumeToken.encode(start));
        } while (start != null);
        return Report.of(options.mode(), scanned, counts);
    }

    /**
     * One item: what it needs, written only if nothing moved since the scan read it. A conflict
     * means its owner wrote meanwhile, and every write of the service seals with the primary
     * key, so there is nothing left to do for what changed.
     */
    Outcome process(Mode mode, Map<String, AttributeValue> item, RateLimiter limiter) throws InterruptedException {
        ItemKey key = ItemKey.from(item);
        ItemChanges changes;
        try {
            changes = mode == Mode.ENCRYPT ? resealer.resealLegacy(key, item) : resealer.rotate(key, item);
        } catch (UnreadableAttributeException e) {
            // Not ours to repair: the API fails closed on it too. Logged by attribute and key, never by value.
            Log.warnf("backfill %s: skipped an item that does not open: %s", name(mode), e.getMessage());
            return Outcome.FAILED;
        }
        if (changes.isEmpty()) {
            return Outcome.SKIPPED;
        }
        limiter.acquire();
        try {
            join(client.updateItem(conditionalUpdate(key, item, changes)));
            return Outcome.UPDATED;
        } catch (ConditionalCheckFailedException e) {
            return Outcome.CONFLICT;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw e; // the table's trouble, not the item's: the run stops and can resume
            }
            // This item's trouble (an item near the 400 KB limit cannot take its ciphertext): the others go on.
            Log.warnf("backfill %s: skipped an item DynamoDB refused (%s): %s", name(mode),
                    e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode(), key);
            return Outcome.FAILED;
        }
    }

    /**
     * The Scan that the service's own role may not make: the only one in the code base, here and
     * not in DynamoGateway, and allowed only to the backfill Job's role (k8s/iam/backfill-policy.json).
     */
    private CompletableFuture<ScanResponse> scan(Map<String, AttributeValue> start, int pageSize) {
        Projection projection = Projection.of(PROJECTION);
        return client.scan(ScanRequest.builder().tableName(table).limit(pageSize)
                .projectionExpression(projection.expression()).expressionAttributeNames(projection.names())
                .exclusiveStartKey(start).build());
    }

    /**
     * Sets the changes only if the version and every guarded attribute still hold what was read,
     * so no concurrent write is ever overwritten. The version is deliberately not bumped: the
     * plaintext the API serves does not change, so clients' ETags must stay valid and their
     * If-Match writes must not fail because of a backfill.
     */
    private UpdateItemRequest conditionalUpdate(ItemKey key,
            Map<String, AttributeValue> item, ItemChanges changes) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder condition = new StringBuilder();
        for (int i = 0; i < GUARDED.size(); i++) {
            String attribute = GUARDED.get(i);
            names.put("#c" + i, attribute);
            condition.append(i == 0 ? "" : " AND ");
            AttributeValue read = item.get(attribute);
            if (read == null) {
                condition.append("attribute_not_exists(#c").append(i).append(')');
            } else {
                values.put(":c" + i, read);
                condition.append("#c").append(i).append(" = :c").append(i);
            }
        }
        // The key must exist too: an item deleted since the scan is not recreated as a fragment.
        names.put("#k", Attributes.USER_ID);
        condition.append(" AND attribute_exists(#k)");
        return changes.conditionalUpdate(table, key, condition.toString(), names, values);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
