package dev.profileservice.crypto;

import dev.profileservice.dynamo.ItemKey;

/**
 * Plaintext (S) in an encrypted attribute while {@code profile.crypto.accept-legacy-plaintext} is false: the value
 * was never sealed, or someone with write access swapped a ciphertext for plaintext. The read fails closed like an
 * undecryptable one; the message names the attribute, the item key and the setting, never the value.
 */
public class PlaintextRefusedException extends UnreadableAttributeException {

    public PlaintextRefusedException(String attribute, ItemKey key) {
        super(attribute, key, "holds plaintext, refused (profile.crypto.accept-legacy-plaintext=false)");
    }
}
