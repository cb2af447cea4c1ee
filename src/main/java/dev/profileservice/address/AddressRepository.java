package dev.profileservice.address;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.profileservice.api.Views;
import dev.profileservice.config.ProfileConfig;
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
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Address items of one owner, always addressed through the owner's partition key. */
@Singleton
public class AddressRepository {

    static final ItemSchema<Address> SCHEMA = ItemSchema.of(Address.class);
    static final ItemSchema<AddressInput> WRITABLE = ItemSchema.of(AddressInput.class);
    private static final Class<?> VIEW = Views.Owner.class;
    private static final int EXPORT_PAGE = 100;

    private final DynamoGateway dynamo;
    private final StorageCodec codec;
    private final ProfileConfig config;

    AddressRepository(DynamoGateway dynamo, StorageCodec codec, ProfileConfig config) {
        this.dynamo = dynamo;
        this.codec = codec;
        this.config = config;
    }

    /**
     * One page of addresses after the position {@code after} (null: from the start). One item more than the page is
     * read, so that a page that ends exactly at the last address carries no position: no cursor leads to an empty page.
     */
    public Uni<Slice> list(String ownerId, int limit, String after) {
        Map<String, AttributeValue> start = after == null ? null : new ItemKey(ownerId, after).toAttributes();
        return dynamo.query(addresses(ownerId).limit(limit + 1).page(start)).map(page -> {
            List<Map<String, AttributeValue>> items = page.items();
            if (items.size() > limit) {
                List<Map<String, AttributeValue>> shown = items.subList(0, limit);
                return new Slice(decode(ownerId, shown), shown.get(limit - 1).get(Attributes.SORT_KEY).s());
            }
            Map<String, AttributeValue> next = PartitionQuery.nextKey(page);
            return new Slice(decode(ownerId, items), next == null ? null : next.get(Attributes.SORT_KEY).s());
        });
    }

    /** The owner's addresses, page by page, stopping after {@code max}: no request holds an unbounded list. */
    public Uni<List<Address>> all(String ownerId, int max) {
        return addresses(ownerId).limit(Math.min(EXPORT_PAGE, max)).pages(dynamo::query)
                .onItem().transformToIterable(page -> decode(ownerId, page.items()))
                .select().first(max)
                .collect().asList();
    }

    public Uni<Address> find(String ownerId, String id) {
        ItemKey key = ItemKey.address(ownerId, id);
        return dynamo.getItem(SCHEMA.projection(VIEW).getItem(config.table(), key, false))
                .map(r -> codec.decodeFound(SCHEMA, VIEW, key, r));
    }

    /** Adds an address under a fresh id; an UpdateItem, so nothing else is ever overwritten. */
    public Uni<String> add(String ownerId, String id, AddressInput input) {
        ItemKey key = ItemKey.address(ownerId, id);
        ItemChanges changes = codec.encode(WRITABLE, input, key, name -> true);
        // The id is fresh: a failed condition means an earlier attempt of this very write landed (the SDK retried it).
        return dynamo.updateItem(changes.conditionalUpdate(config.table(), key, "attribute_not_exists(#pk)",
                Map.of("#pk", Attributes.USER_ID), Map.of())).replaceWith(id)
                .onFailure(ConditionalCheckFailedException.class).recoverWithItem(id);
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

    private PartitionQuery addresses(String ownerId) {
        return PartitionQuery.owner(config.table(), ownerId)
                .sortKeyBeginsWith(Attributes.ADDRESS_PREFIX)
                .project(SCHEMA.projection(VIEW));
    }

    private List<Address> decode(String ownerId, List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> codec.decode(SCHEMA, VIEW, ItemKey.inPartition(ownerId, item), item)).toList();
    }

    /** One page of addresses, and the position after which the next page starts (null on the last page). */
    public record Slice(List<Address> items, String next) {
    }
}
