package dev.profileservice.dynamo;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The primary key of one item: the owner's partition and the item's sort key. */
public record ItemKey(String userId, String sortKey) {

    public static ItemKey profile(String userId) {
        return new ItemKey(userId, Attributes.PROFILE_SORT_KEY);
    }

    public static ItemKey address(String userId, String addressId) {
        return new ItemKey(userId, Attributes.ADDRESS_PREFIX + addressId);
    }

    public static ItemKey from(Map<String, AttributeValue> item) {
        return new ItemKey(item.get(Attributes.USER_ID).s(), item.get(Attributes.SORT_KEY).s());
    }

    /** The key of an item read from a query on {@code userId}'s partition, whose projection carries only the sort key. */
    public static ItemKey inPartition(String userId, Map<String, AttributeValue> item) {
        return new ItemKey(userId, item.get(Attributes.SORT_KEY).s());
    }

    public Map<String, AttributeValue> toAttributes() {
        return Map.of(Attributes.USER_ID, AttributeValue.fromS(userId), Attributes.SORT_KEY, AttributeValue.fromS(sortKey));
    }
}
