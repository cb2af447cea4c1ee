package dev.profileservice.backfill;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.crypto.FieldCipher;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemChanges;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.dynamo.StorageCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the backfill does to one raw item: seal its legacy plaintext, or re-seal what an older
 * key sealed. Values are sealed by the codec, so an item the backfill wrote reads exactly as
 * one the owner wrote.
 */
@ApplicationScoped
public class ItemResealer {

    private final StorageCodec codec;
    private final FieldCipher cipher;

    ItemResealer(StorageCodec codec, FieldCipher cipher) {
        this.codec = codec;
        this.cipher = cipher;
    }

    /**
     * The changes that seal a raw item's legacy plaintext and index its email, exactly as the
     * owner's next write would; empty when nothing is left to do. The caller reads the whole
     * item (ssn included, so not with the service's role) and makes the UpdateItem conditional
     * on the values it read, so that a concurrent write wins.
     */
    public ItemChanges resealLegacy(ItemKey key, Map<String, AttributeValue> item) {
        ItemChanges changes = new ItemChanges();
        for (String attribute : Attributes.ENCRYPTED) {
            AttributeValue value = item.get(attribute);
            // plaintext stored as a number ({"N": "94105"}) is plaintext too, and the API reads it as text
            String plaintext = value == null ? null : value.s() != null ? value.s() : value.n();
            if (plaintext != null) {
                changes.set(attribute, codec.sealed(attribute, plaintext, key));
            }
        }
        AttributeValue email = item.get(Attributes.EMAIL);
        if (email != null && !item.containsKey(Attributes.EMAIL_HMAC)) {
            if (email.s() != null) {
                codec.indexEmail(changes, email.s());
            } else if (email.b() != null) {
                codec.indexEmail(changes, cipher.decrypt(email.b().asByteArrayUnsafe(), key, Attributes.EMAIL));
            }
        }
        return changes;
    }

    /**
     * The changes that re-seal, under the primary key, every ciphertext of a raw item still
     * sealed by an older key of the keyset; empty when none is. Plaintext is untouched (that is
     * {@link #resealLegacy}), so the blind index is too.
     */
    public ItemChanges rotate(ItemKey key, Map<String, AttributeValue> item) {
        ItemChanges changes = new ItemChanges();
        for (String attribute : Attributes.ENCRYPTED) {
            AttributeValue value = item.get(attribute);
            if (value != null && value.b() != null && cipher.sealedByOlderKey(value.b().asByteArrayUnsafe())) {
                String plaintext = cipher.decrypt(value.b().asByteArrayUnsafe(), key, attribute);
                changes.set(attribute, codec.sealed(attribute, plaintext, key));
            }
        }
        return changes;
    }
}
