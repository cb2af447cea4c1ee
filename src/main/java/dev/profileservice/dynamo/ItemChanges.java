package dev.profileservice.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The attributes one write sets and removes, rendered as an UpdateItem expression with
 * placeholders only. An UpdateItem touches nothing else, so attributes written by other
 * systems survive every write of ours.
 */
public final class ItemChanges {

    private final Map<String, AttributeValue> set = new LinkedHashMap<>();
    private final Map<String, AttributeValue> setIfAbsent = new LinkedHashMap<>();
    private final List<String> remove = new ArrayList<>();

    public ItemChanges set(String attribute, AttributeValue value) {
        set.put(attribute, value);
        return this;
    }

    public ItemChanges setIfAbsent(String attribute, AttributeValue value) {
        setIfAbsent.put(attribute, value);
        return this;
    }

    public ItemChanges remove(String attribute) {
        remove.add(attribute);
        return this;
    }

    public boolean isEmpty() {
        return set.isEmpty() && setIfAbsent.isEmpty() && remove.isEmpty();
    }

    /** Renders the update expression; placeholders start with {@code #u} and {@code :u}. */
    public Rendered render() {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var entry : set.entrySet()) {
            names.put("#u" + i, entry.getKey());
            values.put(":u" + i, entry.getValue());
            sets.add("#u" + i + " = :u" + i);
            i++;
        }
        for (var entry : setIfAbsent.entrySet()) {
            names.put("#u" + i, entry.getKey());
            values.put(":u" + i, entry.getValue());
            sets.add("#u" + i + " = if_not_exists(#u" + i + ", :u" + i + ")");
            i++;
        }
        List<String> removes = new ArrayList<>();
        for (String attribute : remove) {
            names.put("#u" + i, attribute);
            removes.add("#u" + i);
            i++;
        }
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        return new Rendered(expression.toString(), names, values);
    }

    /**
     * The conditional UpdateItem of these changes on one item. The caller's condition uses its
     * own placeholders beside the {@code #u}/{@code :u} ones. Nothing is ever returned: not the
     * new item, and never ALL_OLD on a failed check, which would carry the whole item whatever
     * the projections.
     */
    public UpdateItemRequest conditionalUpdate(String table, ItemKey key, String condition,
            Map<String, String> conditionNames, Map<String, AttributeValue> conditionValues) {
        Rendered update = render();
        Map<String, String> names = new HashMap<>(update.names());
        names.putAll(conditionNames);
        Map<String, AttributeValue> values = new HashMap<>(update.values());
        values.putAll(conditionValues);
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key.toAttributes())
                .updateExpression(update.expression())
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values)
                .returnValues(ReturnValue.NONE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)
                .build();
    }

    public record Rendered(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }
}
