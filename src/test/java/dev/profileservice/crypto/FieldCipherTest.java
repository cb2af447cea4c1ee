package dev.profileservice.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemKey;
import io.quarkus.logging.Log;

/** The field cipher without Quarkus: bindings (logical name, item, attribute), key rotation, and the key id the metrics report. */
class FieldCipherTest {

    private static final String CONTEXT = "UserProfiles";
    private static final ItemKey ALICE = ItemKey.profile("alice-sub");
    private static final String EMAIL = "alice@example.org";

    @Test
    void ciphertextOpensOnlyForItsContextUserSortKeyAndAttribute() throws Exception {
        Aead key = aead(newKeyset());
        FieldCipher cipher = new FieldCipher(key, CONTEXT);
        byte[] sealed = cipher.encrypt(EMAIL, ALICE, Attributes.EMAIL);
        assertEquals(EMAIL, cipher.decrypt(sealed, ALICE, Attributes.EMAIL));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(EMAIL));

        assertThrows(UnreadableAttributeException.class, () -> cipher.decrypt(sealed, ItemKey.profile("bob-sub"), Attributes.EMAIL));
        assertThrows(UnreadableAttributeException.class, () -> cipher.decrypt(sealed, ItemKey.address("alice-sub", "a1"), Attributes.EMAIL));
        assertThrows(UnreadableAttributeException.class, () -> cipher.decrypt(sealed, ALICE, Attributes.PHONE));
        // the logical name is bound, not the instance: any service on the same data set opens it, no other does
        assertEquals(EMAIL, new FieldCipher(key, CONTEXT).decrypt(sealed, ALICE, Attributes.EMAIL));
        assertThrows(UnreadableAttributeException.class,
                () -> new FieldCipher(key, "OtherDataSet").decrypt(sealed, ALICE, Attributes.EMAIL));
        assertThrows(UnreadableAttributeException.class,
                () -> new FieldCipher(aead(newKeyset()), CONTEXT).decrypt(sealed, ALICE, Attributes.EMAIL));
    }

    @Test
    void boundariesBetweenUserAndSortKeyCannotBeShifted() {
        FieldCipher cipher = new FieldCipher(aead(newKeyset()), CONTEXT);
        byte[] sealed = cipher.encrypt(EMAIL, new ItemKey("a", "bPROFILE"), Attributes.EMAIL);
        assertThrows(UnreadableAttributeException.class, () -> cipher.decrypt(sealed, new ItemKey("ab", "PROFILE"), Attributes.EMAIL));
    }

    @Test
    void failureMessageNamesAttributeAndKeyButNoValue() {
        FieldCipher cipher = new FieldCipher(aead(newKeyset()), CONTEXT);
        byte[] sealed = cipher.encrypt(EMAIL, ALICE, Attributes.EMAIL);
        UnreadableAttributeException e = assertThrows(UnreadableAttributeException.class,
                () -> cipher.decrypt(sealed, ALICE, Attributes.PHONE));
        assertTrue(e.getMessage().contains("phone") && e.getMessage().contains("alice-sub") && e.getMessage().contains("PROFILE"));
        assertFalse(e.getMessage().contains(EMAIL));
    }

    @Test
    void afterRotationOldCiphertextsStillOpenAndNewOnesCarryTheNewPrimaryKeyId() throws Exception {
        KeysetHandle keyA = newKeyset();
        byte[] sealedWithA = new FieldCipher(aead(keyA), CONTEXT).encrypt(EMAIL, ALICE, Attributes.EMAIL);
        assertEquals(Optional.of(Integer.toUnsignedString(keyA.getPrimary().getId())), FieldCipher.keyId(sealedWithA));

        KeysetHandle rotated = KeysetHandle.newBuilder(keyA)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .setConfiguration(AeadConfig2026.get())
                .build();
        int keyB = rotated.getPrimary().getId();
        assertTrue(keyB != keyA.getPrimary().getId());
        FieldCipher afterRotation = new FieldCipher(aead(rotated), CONTEXT);

        assertEquals(EMAIL, afterRotation.decrypt(sealedWithA, ALICE, Attributes.EMAIL));
        byte[] sealedWithB = afterRotation.encrypt(EMAIL, ALICE, Attributes.EMAIL);
        assertEquals(Optional.of(Integer.toUnsignedString(keyB)), FieldCipher.keyId(sealedWithB));
        // A service still on the old keyset cannot open what the new primary sealed: roll the keyset out before writes use it.
        assertThrows(UnreadableAttributeException.class,
                () -> new FieldCipher(aead(keyA), CONTEXT).decrypt(sealedWithB, ALICE, Attributes.EMAIL));
    }

    @Test
    void onlyCiphertextsOfKeysOtherThanThePrimaryNeedRotation() throws Exception {
        KeysetHandle keyA = newKeyset();
        byte[] sealedWithA = new FieldCipher(aead(keyA), CONTEXT).encrypt(EMAIL, ALICE, Attributes.EMAIL);
        KeysetHandle rotated = KeysetHandle.newBuilder(keyA)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                .setConfiguration(AeadConfig2026.get())
                .build();
        FieldCipher afterRotation = new FieldCipher(aead(rotated), CONTEXT);

        assertEquals(Integer.toUnsignedString(rotated.getPrimary().getId()), afterRotation.primaryKeyId());
        assertTrue(afterRotation.sealedByOlderKey(sealedWithA));
        assertFalse(afterRotation.sealedByOlderKey(afterRotation.encrypt(EMAIL, ALICE, Attributes.EMAIL)));
        assertFalse(afterRotation.sealedByOlderKey(new byte[] { 0, 1, 2, 3, 4, 5 }), "no Tink prefix: not ours to rotate");
    }

    @Test
    void keyIdIsEmptyForBytesWithoutTinkPrefix() {
        assertEquals(Optional.empty(), FieldCipher.keyId(new byte[] { 0, 1, 2, 3, 4, 5 }));
        assertEquals(Optional.empty(), FieldCipher.keyId(new byte[] { 1, 2 }));
    }

    /** Rough cost per profile (email, phone, ssn): logged for the report, never asserted. */
    @Test
    void logsRoughCostOfSealingAndOpeningAProfile() {
        FieldCipher cipher = new FieldCipher(aead(newKeyset()), CONTEXT);
        int rounds = 20_000;
        long start = 0;
        for (int i = 0; i < rounds * 2; i++) {
            if (i == rounds) {
                start = System.nanoTime(); // the first half warms up the JIT
            }
            for (String attribute : new String[] { Attributes.EMAIL, Attributes.PHONE, Attributes.SSN }) {
                cipher.decrypt(cipher.encrypt(EMAIL, ALICE, attribute), ALICE, attribute);
            }
        }
        Log.infof("FieldCipher: ~%.1f µs per profile (3 attributes) sealed and opened",
                (System.nanoTime() - start) / 1_000.0 / rounds);
    }

    private static KeysetHandle newKeyset() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Aead aead(KeysetHandle handle) {
        try {
            return handle.getPrimitive(AeadConfig2026.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
