package dev.profileservice.dynamo;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between records and DynamoDB items. It is the only place that sees
 * {@link AttributeValue}s of view data, so services and resources deal in records only.
 */
@ApplicationScoped
public class StorageCodec {

    /** Decodes the fields of {@code view}; every other component stays null even if the item had it. */
    public <T extends Record> T decode(ItemSchema<T> schema, Class<?> view, Map<String, AttributeValue> item) {
        Map<String, Object> values = new HashMap<>();
        for (ItemSchema.Field field : schema.fields()) {
            AttributeValue value = item.get(field.attribute());
            if (value != null && (view == null || field.visibleIn(view))) {
                values.put(field.name(), fromAttribute(field, value));
            }
        }
        return schema.instantiate(values);
    }

    /**
     * The changes a write record makes: present, non-null components are set, present null
     * components are removed, absent ones are left as they are.
     */
    public <T extends Record> ItemChanges encode(ItemSchema<T> schema, T record, Predicate<String> present) {
        ItemChanges changes = new ItemChanges();
        for (ItemSchema.Field field : schema.fields()) {
            if (!present.test(field.name())) {
                continue;
            }
            AttributeValue value = toAttribute(field.valueOf(record));
            if (value == null) {
                changes.remove(field.attribute());
            } else {
                changes.set(field.attribute(), value);
            }
        }
        return changes;
    }

    private static Object fromAttribute(ItemSchema.Field field, AttributeValue value) {
        Class<?> type = field.javaType();
        if (type == String.class) {
            String s = value.s() != null ? value.s() : value.n();
            if (s != null && !field.keyPrefix().isEmpty() && s.startsWith(field.keyPrefix())) {
                return s.substring(field.keyPrefix().length());
            }
            return s;
        }
        if (type == Long.class) {
            return value.n() == null ? null : Long.valueOf(value.n());
        }
        if (Map.class.isAssignableFrom(type)) {
            Map<String, String> map = new LinkedHashMap<>();
            if (value.hasM()) {
                value.m().forEach((k, v) -> {
                    String s = v.s() != null ? v.s() : v.n();
                    if (s != null) {
                        map.put(k, s);
                    }
                });
            }
            return map;
        }
        if (Collection.class.isAssignableFrom(type)) {
            Set<String> set = new LinkedHashSet<>();
            if (value.hasSs()) {
                set.addAll(value.ss());
            } else if (value.hasL()) {
                value.l().stream().map(AttributeValue::s).filter(s -> s != null).forEach(set::add);
            }
            return List.class.isAssignableFrom(type) ? List.copyOf(set) : Set.copyOf(set);
        }
        throw new IllegalStateException("unsupported component type " + type.getSimpleName());
    }

    static AttributeValue toAttribute(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(String.valueOf(k), AttributeValue.fromS(String.valueOf(v))));
            return AttributeValue.fromM(m);
        }
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                return null;
            }
            return AttributeValue.fromSs(collection.stream().map(String::valueOf).toList());
        }
        throw new IllegalArgumentException("unsupported value type " + value.getClass().getSimpleName());
    }
}
