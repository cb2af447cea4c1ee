package dev.profileservice.backfill;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.backfill.Backfill.Mode;
import dev.profileservice.backfill.Backfill.Options;
import dev.profileservice.backfill.Backfill.Report;
import dev.profileservice.crypto.EmailIndex;
import dev.profileservice.crypto.FieldCipher;
import dev.profileservice.crypto.TestCiphers;
import dev.profileservice.dynamo.ItemKey;
import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key rotation: the service runs with keyset A+B, B primary. Items sealed under A stay
 * readable, new writes use B, and {@code rotate} moves the A items to B, once.
 */
@QuarkusTest
@TestProfile(BackfillRotateTest.RotatedKeyset.class)
class BackfillRotateTest extends ApiTest {

    private static final List<String> SEALED = List.of("email", "phone", "ssn");

    @Inject
    Backfill backfill;

    @Inject
    EmailIndex emailIndex;

    @Test
    void oldKeyItemsStayReadableNewWritesUseTheNewKeyAndRotateMovesTheOldOnesOnce() throws Exception {
        KeysetHandle keyset = serviceKeyset();
        String newKey = Integer.toUnsignedString(keyset.getPrimary().getId());
        KeysetHandle onlyOld = oldKeyOnly(keyset);
        String oldKey = Integer.toUnsignedString(onlyOld.getPrimary().getId());
        assertNotEquals(newKey, oldKey);

        // Alice's profile was sealed before the rotation, under A only, by the production cipher.
        FieldCipher old = TestCiphers.fieldCipher(onlyOld.getPrimitive(AeadConfig2026.get(), Aead.class), config.table());
        ItemKey alice = ItemKey.profile(Tokens.ALICE);
        plant(Tokens.ALICE, "PROFILE", Map.of(
                "display_name", AttributeValue.fromS("Old Alice"),
                "email", sealed(old, "alice.old@example.org", alice, "email"),
                "email_hmac", AttributeValue.fromS(emailIndex.tag("alice.old@example.org")),
                "phone", sealed(old, "+14155550111", alice, "phone"),
                "ssn", sealed(old, PLANTED_SSN, alice, "ssn"),
                "password_hash", AttributeValue.fromS(PLANTED_PASSWORD_HASH),
                "version", AttributeValue.fromN("3")));
        // Bob writes after the rotation: B.
        as(Tokens.bob()).body("{\"displayName\": \"Bob\", \"email\": \"bob.new@example.org\", \"phone\": \"+14155550122\"}")
                .put("/api/profile").then().statusCode(201);
        assertKeyIds(Tokens.BOB, newKey);
        assertKeyIds(Tokens.ALICE, oldKey);
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).body("email", equalTo("alice.old@example.org"));
        Map<String, AttributeValue> bobBefore = rawItem(Tokens.BOB, "PROFILE");

        Report rotated = backfill.run(new Options(Mode.ROTATE, 10, 1_000, Optional.empty()));

        assertEquals(1, rotated.updated(), rotated.toString());
        assertEquals(0, rotated.failed() + rotated.conflicts(), rotated.toString());
        assertKeyIds(Tokens.ALICE, newKey);
        assertEquals(bobBefore, rawItem(Tokens.BOB, "PROFILE"), "items already under B are left alone");
        Map<String, AttributeValue> aliceAfter = rawItem(Tokens.ALICE, "PROFILE");
        assertEquals(PLANTED_PASSWORD_HASH, aliceAfter.get("password_hash").s());
        assertEquals("3", aliceAfter.get("version").n(), "the ETag stays valid");
        as(Tokens.alice()).get("/api/profile").then().statusCode(200).header("ETag", "\"3\"")
                .body("email", equalTo("alice.old@example.org")).body("phone", equalTo("+14155550111"));

        Report again = backfill.run(new Options(Mode.ROTATE, 10, 1_000, Optional.empty()));
        assertEquals(0, again.updated(), "a second rotate changes nothing: " + again);
    }

    private void assertKeyIds(String userId, String keyId) {
        Map<String, AttributeValue> item = rawItem(userId, "PROFILE");
        for (String attribute : SEALED) {
            if (item.containsKey(attribute)) {
                assertEquals(Optional.of(keyId), FieldCipher.keyId(item.get(attribute).b().asByteArray()), userId + " " + attribute);
            }
        }
        assertTrue(item.containsKey("email"));
    }

    private static AttributeValue sealed(FieldCipher cipher, String value, ItemKey key, String attribute) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(cipher.encrypt(value, key, attribute)));
    }

    private static KeysetHandle serviceKeyset() throws GeneralSecurityException {
        String base64 = ConfigProvider.getConfig().getValue("profile.crypto.keyset", String.class);
        return TinkJsonProtoKeysetFormat.parseKeyset(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8),
                AeadConfig2026.get(), InsecureSecretKeyAccess.get());
    }

    /** The keyset as it was before the rotation: the old key alone, primary. */
    private static KeysetHandle oldKeyOnly(KeysetHandle rotated) throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(rotated);
        int primary = rotated.getAt(0).isPrimary() ? 0 : 1;
        builder.getAt(1 - primary).makePrimary();
        builder.deleteAt(primary);
        return builder.setConfiguration(AeadConfig2026.get()).build();
    }

    /** A keyset A+B with B primary, as after the first step of a rotation: B added and rolled out, then made primary. */
    public static class RotatedKeyset implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeysetHandle a = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
                KeysetHandle ab = KeysetHandle.newBuilder(a)
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                                .makePrimary())
                        .setConfiguration(AeadConfig2026.get())
                        .build();
                String json = TinkJsonProtoKeysetFormat.serializeKeyset(ab, AeadConfig2026.get(), InsecureSecretKeyAccess.get());
                return Map.of("profile.crypto.keyset", Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
