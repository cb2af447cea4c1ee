package dev.profileservice.crypto;

import dev.profileservice.dynamo.ItemKey;

/**
 * An encrypted attribute that does not open for the item it was read from: tampered with,
 * copied from elsewhere, or sealed with a key the keyset no longer has. Reads fail closed.
 * The message names the attribute and the item key only, never a value or ciphertext.
 */
public class UnreadableAttributeException extends RuntimeException {

    public UnreadableAttributeException(String attribute, ItemKey key) {
        this(attribute, key, "cannot be decrypted");
    }

    protected UnreadableAttributeException(String attribute, ItemKey key, String why) {
        super("attribute " + attribute + " of item (user_id=" + key.userId() + ", sk=" + key.sortKey() + ") " + why);
    }
}
