package dev.profileservice.profile;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.crypto.EmailIndex;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.DynamoGateway;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.ItemSchema;
import dev.profileservice.dynamo.StorageCodec;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Profile items. Every read is a GetItem on one key with the projection of the view being
 * served; every write is a conditional UpdateItem that touches only the attributes it names.
 */
@ApplicationScoped
public class ProfileRepository {

    static final ItemSchema<Profile> SCHEMA = ItemSchema.of(Profile.class);

    private static final int MAX_EMAIL_MATCHES = 10;

    private final DynamoGateway dynamo;
    private final StorageCodec codec;
    private final EmailIndex emailIndex;
    private final ProfileConfig config;

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

    /** Creates the profile; fails with ConditionalCheckFailedException if one exists. */
    public Uni<Void> create(String userId, ItemChanges changes) {
        return write(userId, changes, "attribute_not_exists(#pk)", Map.of(), Map.of("#pk", Attributes.USER_ID));
    }

    /** Replaces fields of an existing profile at {@code expectedVersion}; fails with ConditionalCheckFailedException otherwise. */
    public Uni<Void> update(String userId, ItemChanges changes, long expectedVersion) {
        // Items written by other systems may have no version yet; they count as version 0.
        String condition = expectedVersion == 0
                ? "attribute_exists(#pk) AND (attribute_not_exists(#v) OR #v = :expected)"
                : "#v = :expected";
        return write(userId, changes, condition,
                Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))),
                expectedVersion == 0 ? Map.of("#pk", Attributes.USER_ID, "#v", Attributes.VERSION)
                        : Map.of("#v", Attributes.VERSION));
    }

    private Uni<Void> write(String userId, ItemChanges changes, String condition, Map<String, AttributeValue> values,
            Map<String, String> names) {
        return dynamo.updateItem(changes.conditionalUpdate(config.table(), ItemKey.profile(userId), condition, names, values))
                .replaceWithVoid();
    }

    /**
     * The owners of profiles with this email, through the keys-only index on its blind index:
     * the query carries the tag, never the email. Legacy items without {@code email_hmac} are
     * not in the index until their owner's next write of the email (or a backfill).
     */
    public Uni<List<String>> ownersByEmail(String email) {
        QueryRequest request = QueryRequest.builder()
                .tableName(config.table())
                .indexName(Attributes.EMAIL_INDEX)
                .keyConditionExpression("#e = :e")
                .projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#e", Attributes.EMAIL_HMAC, "#pk", Attributes.USER_ID, "#sk",
                        Attributes.SORT_KEY))
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(emailIndex.tag(email))))
                .limit(MAX_EMAIL_MATCHES)
                .build();
        return dynamo.query(request).map(r -> r.items().stream()
                .filter(i -> Attributes.PROFILE_SORT_KEY.equals(i.get(Attributes.SORT_KEY).s()))
                .map(i -> i.get(Attributes.USER_ID).s())
                .distinct()
                .toList());
    }
}
