package dev.profileservice.address;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.api.Views;
import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.DynamoGateway;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.ItemSchema;
import dev.profileservice.dynamo.Projection;
import dev.profileservice.dynamo.StorageCodec;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Address items of one owner, always addressed through the owner's partition key. */
@ApplicationScoped
public class AddressRepository {

    static final ItemSchema<Address> SCHEMA = ItemSchema.of(Address.class);
    static final ItemSchema<AddressInput> WRITABLE = ItemSchema.of(AddressInput.class);
    private static final Class<?> VIEW = Views.Owner.class;

    private final DynamoGateway dynamo;
    private final StorageCodec codec;
    private final ProfileConfig config;

    AddressRepository(DynamoGateway dynamo, StorageCodec codec, ProfileConfig config) {
        this.dynamo = dynamo;
        this.codec = codec;
        this.config = config;
    }

    /** One page of addresses and the key to continue from (null on the last page). */
    public Uni<Slice> list(String ownerId, int limit, Map<String, AttributeValue> startKey) {
        Projection projection = SCHEMA.projection(VIEW);
        QueryRequest request = QueryRequest.builder()
                .tableName(config.table())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .projectionExpression(projection.expression())
                .expressionAttributeNames(projection.namesWith(Map.of("#pk", Attributes.USER_ID, "#sk", Attributes.SORT_KEY)))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ownerId), ":prefix",
                        AttributeValue.fromS(Attributes.ADDRESS_PREFIX)))
                .exclusiveStartKey(startKey)
                .limit(limit)
                .build();
        return dynamo.query(request).map(r -> new Slice(
                r.items().stream().map(item -> codec.decode(SCHEMA, VIEW, ItemKey.inPartition(ownerId, item), item)).toList(),
                r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null));
    }

    public Uni<Address> find(String ownerId, String id) {
        ItemKey key = ItemKey.address(ownerId, id);
        return dynamo.getItem(SCHEMA.projection(VIEW).getItem(config.table(), key, false))
                .map(r -> codec.decodeFound(SCHEMA, VIEW, key, r));
    }

    /** Adds an address under a fresh id; an UpdateItem, so nothing else is ever overwritten. */
    public Uni<String> add(String ownerId, AddressInput input) {
        String id = UUID.randomUUID().toString();
        ItemKey key = ItemKey.address(ownerId, id);
        ItemChanges changes = codec.encode(WRITABLE, input, key, name -> true);
        return dynamo.updateItem(changes.conditionalUpdate(config.table(), key, "attribute_not_exists(#pk)",
                Map.of("#pk", Attributes.USER_ID), Map.of())).replaceWith(id);
    }

    /** Deletes one of the owner's addresses; false when the owner has no address with that id. */
    public Uni<Boolean> delete(String ownerId, String id) {
        DeleteItemRequest request = DeleteItemRequest.builder()
                .tableName(config.table())
                .key(ItemKey.address(ownerId, id).toAttributes())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Attributes.USER_ID))
                .returnValues(ReturnValue.NONE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)
                .build();
        return dynamo.deleteItem(request).replaceWith(true)
                .onFailure(ConditionalCheckFailedException.class).recoverWithItem(false);
    }

    public record Slice(java.util.List<Address> items, Map<String, AttributeValue> lastKey) {
    }
}
