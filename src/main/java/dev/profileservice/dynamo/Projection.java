package dev.profileservice.dynamo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * A DynamoDB {@code ProjectionExpression} with its attribute-name placeholders, so that no
 * attribute name (reserved words included) is ever spliced into an expression.
 */
public record Projection(List<String> attributes, String expression, Map<String, String> names) {

    public static Projection of(List<String> attributes) {
        Map<String, String> names = new HashMap<>();
        StringBuilder expression = new StringBuilder();
        for (int i = 0; i < attributes.size(); i++) {
            String placeholder = "#p" + i;
            names.put(placeholder, attributes.get(i));
            expression.append(i == 0 ? "" : ", ").append(placeholder);
        }
        return new Projection(List.copyOf(attributes), expression.toString(), Map.copyOf(names));
    }

    /** A GetItem of one key that reads exactly these attributes. */
    public GetItemRequest getItem(String table, ItemKey key, boolean consistent) {
        return GetItemRequest.builder()
                .tableName(table)
                .key(key.toAttributes())
                .projectionExpression(expression)
                .expressionAttributeNames(names)
                .consistentRead(consistent)
                .build();
    }

    /** The placeholders of this projection plus those of the caller's own expressions. */
    public Map<String, String> namesWith(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(names);
        all.putAll(more);
        return all;
    }
}
