package dev.profileservice.dynamo;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import dev.profileservice.crypto.CryptoMetrics;
import dev.profileservice.crypto.EmailIndex;
import dev.profileservice.crypto.FieldCipher;
import dev.profileservice.crypto.LegacyPlaintext;
import dev.profileservice.crypto.UnreadableAttributeException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Converts between records and DynamoDB items. It is the only place that sees
 * {@link AttributeValue}s of view data, so services and resources deal in records only.
 * The attributes in {@link Attributes#ENCRYPTED} are sealed here on every write and opened
 * here on every read: nothing above this class ever sees a ciphertext. The email's blind
 * index is written here too, beside the email it indexes.
 */
@Singleton
public class StorageCodec {

    /** The largest version an ETag carries (18 digits, as If-Match accepts). */
    public static final long MAX_WHOLE = 999_999_999_999_999_999L;

    private final FieldCipher cipher;
    private final EmailIndex emailIndex;
    private final CryptoMetrics metrics;
    private final LegacyPlaintext legacyPlaintext;

    StorageCodec(FieldCipher cipher, EmailIndex emailIndex, CryptoMetrics metrics, LegacyPlaintext legacyPlaintext) {
        this.cipher = cipher;
        this.emailIndex = emailIndex;
        this.metrics = metrics;
        this.legacyPlaintext = legacyPlaintext;
    }

    /**
     * Decodes the fields of {@code view} of the item at {@code key}; every other component stays
     * null even if the item had it. An encrypted attribute that does not open for this key
     * fails the whole read with {@link UnreadableAttributeException}.
     */
    public <T extends Record> T decode(ItemSchema<T> schema, Class<?> view, ItemKey key, Map<String, AttributeValue> item) {
        Objects.requireNonNull(view, "a read names the view it serves: there is no read of every field");
        Map<String, Object> values = new HashMap<>();
        Set<String> keyIds = new HashSet<>();
        for (ItemSchema.Field field : schema.fields()) {
            AttributeValue value = item.get(field.attribute());
            if (value != null && field.visibleIn(view)) {
                values.put(field.name(), fromAttribute(field, opened(field.attribute(), value, key, keyIds)));
            }
        }
        keyIds.forEach(metrics::itemRead);
        return schema.instantiate(values);
    }

    /** The item of a GetItem answer as {@code view} shows it, or null when there is no such item. */
    public <T extends Record> T decodeFound(ItemSchema<T> schema, Class<?> view, ItemKey key, GetItemResponse response) {
        return response.hasItem() && !response.item().isEmpty() ? decode(schema, view, key, response.item()) : null;
    }

    /**
     * The changes a write record makes to the item at {@code key}: present, non-null components
     * are set, present null components are removed, absent ones are left as they are.
     * Encrypted attributes are always written sealed, so a legacy plaintext value is
     * replaced by ciphertext on its owner's next write of it.
     */
    public <T extends Record> ItemChanges encode(ItemSchema<T> schema, T record, ItemKey key, Predicate<String> present) {
        ItemChanges changes = new ItemChanges();
        for (ItemSchema.Field field : schema.fields()) {
            if (!present.test(field.name())) {
                continue;
            }
            Object plain = field.valueOf(record);
            AttributeValue value = sealed(field.attribute(), plain, key);
            if (value == null) {
                changes.remove(field.attribute());
            } else {
                changes.set(field.attribute(), value);
            }
            if (Attributes.EMAIL.equals(field.attribute())) {
                indexEmail(changes, (String) plain);
            }
        }
        return changes;
    }

    /** The blind index follows the email: set with it, removed with it, never stale. */
    public void indexEmail(ItemChanges changes, String email) {
        if (email == null) {
            changes.remove(Attributes.EMAIL_HMAC);
        } else {
            changes.set(Attributes.EMAIL_HMAC, AttributeValue.fromS(emailIndex.tag(email)));
        }
    }

    /** The stored form of a value: ciphertext bound to its item and attribute for {@link Attributes#ENCRYPTED}. */
    public AttributeValue sealed(String attribute, Object value, ItemKey key) {
        if (Attributes.ENCRYPTED.contains(attribute) && value instanceof String plaintext) {
            return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(cipher.encrypt(plaintext, key, attribute)));
        }
        return toAttribute(value);
    }

    /** An encrypted attribute as plaintext S: Binary is opened; legacy S is served or refused by {@link LegacyPlaintext}. */
    private AttributeValue opened(String attribute, AttributeValue value, ItemKey key, Set<String> keyIds) {
        if (!Attributes.ENCRYPTED.contains(attribute)) {
            return value;
        }
        if (value.b() != null) {
            byte[] ciphertext = value.b().asByteArrayUnsafe();
            FieldCipher.keyId(ciphertext).ifPresent(keyIds::add);
            try {
                return AttributeValue.fromS(cipher.decrypt(ciphertext, key, attribute));
            } catch (UnreadableAttributeException e) {
                metrics.decryptFailure(attribute);
                throw e;
            }
        }
        // Plaintext is plaintext whatever its type: a number ({"N": "14155552671"}) is refused or counted like a string.
        String plaintext = value.s() != null ? value.s() : value.n();
        if (plaintext != null) {
            legacyPlaintext.admit(attribute, key);
            return AttributeValue.fromS(plaintext);
        }
        return value;
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
            return value.n() == null ? null : wholeNumber(value.n());
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

    /**
     * A stored number as a version or count: a whole number from 0 to {@link #MAX_WHOLE}, else null (absent), so that an
     * item written by hand ({"N": "7.5"}, "-1", "1E+30") reads as one without it instead of failing the request.
     */
    static Long wholeNumber(String n) {
        try {
            long whole = Long.parseLong(n);
            return whole >= 0 && whole <= MAX_WHOLE ? whole : null;
        } catch (NumberFormatException e) {
            return null;
        }
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
