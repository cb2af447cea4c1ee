package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.api.Views;
import dev.profileservice.crypto.EmailIndex;
import dev.profileservice.crypto.FieldCipher;
import dev.profileservice.crypto.LegacyPlaintext;
import dev.profileservice.crypto.PlaintextRefusedException;
import dev.profileservice.crypto.TestCiphers;
import dev.profileservice.crypto.UnreadableAttributeException;
import dev.profileservice.profile.Profile;
import dev.profileservice.profile.ProfileInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The codec without Quarkus: sealed on write, opened on read, only the view's fields, and never a read of everything. */
class StorageCodecTest {

    private static final ItemKey ALICE = ItemKey.profile("alice-sub");
    private static final ItemSchema<Profile> PROFILE = ItemSchema.of(Profile.class);
    private static final ItemSchema<ProfileInput> INPUT = ItemSchema.of(ProfileInput.class);

    private final FieldCipher cipher = TestCiphers.fieldCipher(TestCiphers.aead(), "UserProfiles");
    private final EmailIndex emailIndex = TestCiphers.emailIndex();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StorageCodec codec = new StorageCodec(cipher, emailIndex, TestCiphers.metrics(registry),
            new LegacyPlaintext(TestCiphers.metrics(registry), true));

    @Test
    void writesSealPiiIndexTheEmailAndTouchOnlyThePresentFields() {
        ProfileInput input = new ProfileInput("Alice", null, "alice@example.org", null, "en-GB", null, null);
        ItemChanges.Rendered rendered = codec.encode(INPUT, input, ALICE, Set.of("displayName", "email", "phone")::contains)
                .render();
        Map<String, AttributeValue> set = byName(rendered);
        assertEquals(AttributeValue.fromS("Alice"), set.get("display_name"));
        assertNotNull(set.get("email").b(), "email is stored as ciphertext");
        assertEquals("alice@example.org", cipher.decrypt(set.get("email").b().asByteArray(), ALICE, "email"));
        assertEquals(AttributeValue.fromS(emailIndex.tag("alice@example.org")), set.get("email_hmac"));
        assertTrue(rendered.expression().contains("REMOVE"), "a present null removes: " + rendered.expression());
        assertTrue(rendered.names().containsValue("phone"));
        assertFalse(rendered.names().containsValue("locale"), "an absent field is left alone");
    }

    @Test
    void removingTheEmailRemovesItsBlindIndexToo() {
        ProfileInput input = new ProfileInput("Alice", null, null, null, null, null, null);
        ItemChanges.Rendered rendered = codec.encode(INPUT, input, ALICE, Set.of("email")::contains).render();
        assertEquals("REMOVE #u0, #u1", rendered.expression());
        assertEquals(Set.of("email", "email_hmac"), Set.copyOf(rendered.names().values()));
    }

    @Test
    void readsOpenCiphertextAndShowOnlyTheViewsFields() {
        Map<String, AttributeValue> item = storedProfile();
        Profile owner = codec.decode(PROFILE, Views.Owner.class, ALICE, item);
        assertEquals("alice@example.org", owner.email());
        assertEquals("+14155552671", owner.phone());
        assertEquals(7L, owner.version());
        assertNull(owner.internalNotes(), "the item has it, the Owner view does not");
        Profile card = codec.decode(PROFILE, Views.Public.class, ALICE, item);
        assertNull(card.email());
        assertEquals("Alice", card.displayName());
        assertEquals("planted", codec.decode(PROFILE, Views.Admin.class, ALICE, item).internalNotes());
    }

    @Test
    void aReadWithoutAViewFailsInsteadOfReadingEverything() {
        assertThrows(NullPointerException.class, () -> codec.decode(PROFILE, null, ALICE, storedProfile()));
    }

    @Test
    void ciphertextMovedToAnotherItemDoesNotOpen() {
        Map<String, AttributeValue> item = storedProfile();
        assertThrows(UnreadableAttributeException.class,
                () -> codec.decode(PROFILE, Views.Owner.class, ItemKey.profile("bob-sub"), item));
    }

    @Test
    void legacyPlaintextIsServedAndCounted() {
        Map<String, AttributeValue> item = new HashMap<>(storedProfile());
        item.put("phone", AttributeValue.fromS("+442079460958"));
        assertEquals("+442079460958", codec.decode(PROFILE, Views.Owner.class, ALICE, item).phone());
        assertEquals(1.0, registry.get("profile.crypto.legacy.plaintext.reads").tag("attribute", "phone").counter().count());
    }

    @Test
    void withTheSwitchOffLegacyPlaintextFailsClosedNamingAttributeAndKeyButNotTheValue() {
        StorageCodec strict = new StorageCodec(cipher, emailIndex, TestCiphers.metrics(registry),
                new LegacyPlaintext(TestCiphers.metrics(registry), false));
        Map<String, AttributeValue> item = new HashMap<>(storedProfile());
        item.put("phone", AttributeValue.fromS("+442079460958"));
        UnreadableAttributeException e = assertThrows(PlaintextRefusedException.class,
                () -> strict.decode(PROFILE, Views.Owner.class, ALICE, item));
        assertTrue(e.getMessage().contains("phone") && e.getMessage().contains("alice-sub"), e.getMessage());
        assertFalse(e.getMessage().contains("2079460958"), e.getMessage());
        assertEquals(1.0, registry.get("profile.crypto.legacy.plaintext.refused").tag("attribute", "phone").counter().count());
        assertEquals("alice@example.org", strict.decode(PROFILE, Views.Owner.class, ALICE, storedProfile()).email(),
                "sealed values still open");
    }

    @Test
    void aMissingItemDecodesToNull() {
        assertNull(codec.decodeFound(PROFILE, Views.Owner.class, ALICE, GetItemResponse.builder().build()));
        assertNull(codec.decodeFound(PROFILE, Views.Owner.class, ALICE, GetItemResponse.builder().item(Map.of()).build()));
    }

    private Map<String, AttributeValue> storedProfile() {
        return Map.of(
                "user_id", AttributeValue.fromS("alice-sub"),
                "display_name", AttributeValue.fromS("Alice"),
                "email", sealed("alice@example.org", "email"),
                "phone", sealed("+14155552671", "phone"),
                "version", AttributeValue.fromN("7"),
                "internal_notes", AttributeValue.fromS("planted"),
                "password_hash", AttributeValue.fromS("planted-hash"));
    }

    private AttributeValue sealed(String value, String attribute) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(cipher.encrypt(value, ALICE, attribute)));
    }

    private static Map<String, AttributeValue> byName(ItemChanges.Rendered rendered) {
        Map<String, AttributeValue> set = new HashMap<>();
        rendered.names().forEach((placeholder, name) -> {
            AttributeValue value = rendered.values().get(":" + placeholder.substring(1));
            if (value != null) {
                set.put(name, value);
            }
        });
        return set;
    }
}
