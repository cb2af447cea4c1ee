package dev.profileservice.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.crypto.EmailIndex;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.DynamoGateway;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.ItemSchema;
import dev.profileservice.dynamo.PartitionQuery;
import dev.profileservice.dynamo.StorageCodec;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profile items. Every read is a GetItem on one key with the projection of the view being
 * served. Every write is one optimistic, conditional UpdateItem that touches only the
 * attributes it names and stamps the next version: of two writers holding the same version,
 * exactly one wins, and the other learns it as a {@code false}, not as an exception.
 */
@Singleton
public class ProfileRepository {

    static final ItemSchema<Profile> SCHEMA = ItemSchema.of(Profile.class);
    static final ItemSchema<ProfileInput> WRITABLE = ItemSchema.of(ProfileInput.class);

    private static final int MAX_EMAIL_MATCHES = 10;

    private final DynamoGateway dynamo;
    private final StorageCodec codec;
    private final EmailIndex emailIndex;
    private final ProfileConfig config;
    private final Clock clock = Clock.systemUTC();

    ProfileRepository(DynamoGateway dynamo, StorageCodec codec, EmailIndex emailIndex, ProfileConfig config) {
        this.dynamo = dynamo;
        this.codec = codec;
        this.emailIndex = emailIndex;
        this.config = config;
    }

    /** The profile of {@code userId} as {@code view} shows it, or null when there is none. */
    public Uni<Profile> find(String userId, Class<?> view, boolean consistent) {
        ItemKey key = ItemKey.profile(userId);
        return dynamo.getItem(SCHEMA.projection(view).getItem(config.table(), key, consistent))
                .map(r -> codec.decodeFound(SCHEMA, view, key, r));
    }

    /** Creates the profile at version 1; false when the owner already has one. */
    public Uni<Boolean> create(String userId, ProfileChange change) {
        return write(userId, changes(userId, change, 1), "attribute_not_exists(#pk)", Map.of(),
                Map.of("#pk", Attributes.USER_ID));
    }

    /** Applies the change if the stored version is {@code expectedVersion}; false when it is not. */
    public Uni<Boolean> update(String userId, ProfileChange change, long expectedVersion) {
        // Items written by other systems may have no version yet, or one no ETag can carry (a string, a negative or
        // too large number: StorageCodec reads those as absent); they count as version 0, as GET showed them.
        if (expectedVersion == 0) {
            return write(userId, changes(userId, change, 1),
                    "attribute_exists(#pk) AND (attribute_not_exists(#v) OR #v = :expected OR NOT attribute_type(#v, :number)"
                            + " OR #v < :expected OR #v > :max)",
                    Map.of(":expected", AttributeValue.fromN("0"), ":number", AttributeValue.fromS("N"),
                            ":max", AttributeValue.fromN(Long.toString(StorageCodec.MAX_WHOLE))),
                    Map.of("#pk", Attributes.USER_ID, "#v", Attributes.VERSION));
        }
        return write(userId, changes(userId, change, expectedVersion + 1), "#v = :expected",
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))), Map.of("#v", Attributes.VERSION));
    }

    /**
     * The named fields as stored (normalised, encrypted, the email indexed), the SSN's last four
     * beside the SSN, the next version and the timestamps.
     */
    private ItemChanges changes(String userId, ProfileChange change, long version) {
        ProfileInput normalized = change.input().normalized();
        ItemChanges changes = codec.encode(WRITABLE, normalized, ItemKey.profile(userId), change.present()::contains);
        if (change.present().contains("ssn")) {
            String last4 = normalized.ssnLast4();
            if (last4 == null) {
                changes.remove(Attributes.SSN_LAST4);
            } else {
                changes.set(Attributes.SSN_LAST4, AttributeValue.fromS(last4));
            }
        }
        String now = Instant.now(clock).toString();
        return changes.set(Attributes.VERSION, AttributeValue.fromN(Long.toString(version)))
                .set(Attributes.UPDATED_AT, AttributeValue.fromS(now))
                .setIfAbsent(Attributes.CREATED_AT, AttributeValue.fromS(now));
    }

    private Uni<Boolean> write(String userId, ItemChanges changes, String condition, Map<String, AttributeValue> values,
            Map<String, String> names) {
        return dynamo.updateItem(changes.conditionalUpdate(config.table(), ItemKey.profile(userId), condition, names, values))
                .replaceWith(true)
                .onFailure(ConditionalCheckFailedException.class).recoverWithItem(false);
    }

    /**
     * The owners of profiles with this email, through the keys-only index on its blind index:
     * the query carries the tag, never the email. Legacy items without {@code email_hmac} are
     * not in the index until their owner's next write of the email (or a backfill).
     */
    public Uni<EmailOwners> ownersByEmail(String email) {
        // One more than the limit is asked for, to tell "exactly the limit" from "more than the limit".
        return dynamo.query(PartitionQuery.emailIndex(config.table(), emailIndex.tag(email)).limit(MAX_EMAIL_MATCHES + 1).page(null))
                .map(r -> {
                    List<String> owners = r.items().stream()
                            .filter(i -> Attributes.PROFILE_SORT_KEY.equals(i.get(Attributes.SORT_KEY).s()))
                            .map(i -> i.get(Attributes.USER_ID).s())
                            .distinct()
                            .toList();
                    return new EmailOwners(owners.subList(0, Math.min(owners.size(), MAX_EMAIL_MATCHES)),
                            owners.size() > MAX_EMAIL_MATCHES);
                });
    }

    /** The owners of an email, at most the limit; {@code truncated} when more matched. */
    public record EmailOwners(List<String> userIds, boolean truncated) {
    }
}
