package dev.profileservice.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig2026;
import com.google.crypto.tink.prf.PrfSet;

/** With {@code profile.crypto.kms-key-uri}, both keysets are opened by the KMS key and nothing else. */
class KmsKeysetTest {

    private static final String KEK = FakeKmsClient.PREFIX + "profile-service/kek-1";
    private static final byte[] PLAIN = "alice@example.org".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "binding".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void registerFakeKms() {
        FakeKmsClient.register();
    }

    @Test
    void aeadKeysetEncryptedWithTheKmsKeyLoadsAndOpensWhatTheOriginalSealed() throws Exception {
        KeysetHandle handle = generate(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        Aead loaded = AeadKeyset.load(withKms(encrypted(handle, KEK, AeadConfig2026.get()), Optional.empty()));
        byte[] sealed = handle.getPrimitive(AeadConfig2026.get(), Aead.class).encrypt(PLAIN, AAD);
        assertArrayEquals(PLAIN, loaded.decrypt(sealed, AAD));
    }

    @Test
    void indexKeysetEncryptedWithTheKmsKeyLoadsAndGivesTheSameTags() throws Exception {
        KeysetHandle handle = generate(PredefinedPrfParameters.HMAC_SHA256_PRF, PrfConfig2026.get());
        PrfSet loaded = IndexKeyset.load(withKms(Optional.empty(), encrypted(handle, KEK, PrfConfig2026.get())));
        PrfSet original = handle.getPrimitive(PrfConfig2026.get(), PrfSet.class);
        assertEquals(new IndexKeyset(original).tag("email", "a@example.org"), new IndexKeyset(loaded).tag("email", "a@example.org"));
    }

    @Test
    void cleartextKeysetIsRefusedWhenAKmsKeyIsConfigured() throws Exception {
        String cleartext = KeysetTool.generate("aead");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AeadKeyset.load(withKms(Optional.of(cleartext), Optional.empty())));
        assertTrue(e.getMessage().contains("profile.crypto.keyset") && e.getMessage().contains("kms-key-uri"), e.getMessage());
        assertFalse(e.getMessage().contains(cleartext));
    }

    @Test
    void keysetEncryptedWithAnotherKmsKeyDoesNotLoad() throws Exception {
        KeysetHandle handle = generate(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        Optional<String> otherKek = encrypted(handle, FakeKmsClient.PREFIX + "someone-else", AeadConfig2026.get());
        assertThrows(IllegalStateException.class, () -> AeadKeyset.load(withKms(otherKek, Optional.empty())));
    }

    @Test
    void awsKmsUriThatCannotBeReachedFailsStartupNamingTheSettingNotTheKey() throws Exception {
        TestCrypto crypto = new TestCrypto(Optional.of(KeysetTool.generate("aead")), Optional.empty(),
                Optional.of("aws-kms://arn:aws:kms:eu-west-1:111122223333:key/abc"), false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AeadKeyset.load(crypto));
        assertTrue(e.getMessage().contains("profile.crypto.kms-key-uri"), e.getMessage());
        assertFalse(e.getMessage().contains("111122223333"), "no key ARN in the message");
    }

    private static TestCrypto withKms(Optional<String> keyset, Optional<String> indexKeyset) {
        return new TestCrypto(keyset, indexKeyset, Optional.of(KEK), false);
    }

    /** As an operator would store it: base64 of the Tink JSON keyset encrypted under the KMS key. */
    private static Optional<String> encrypted(KeysetHandle handle, String kekUri, Configuration config)
            throws GeneralSecurityException {
        Aead kek = KmsClients.get(kekUri).getAead(kekUri);
        String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, new byte[0], config);
        return Optional.of(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static KeysetHandle generate(Parameters parameters, Configuration config) throws GeneralSecurityException {
        return KeysetHandle.generateNew(parameters, config);
    }
}
