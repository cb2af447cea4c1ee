package dev.profileservice.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsAsyncClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * The SDK v2 AWS KMS adapter against an in-memory stand-in for the KMS API: what it sends
 * (key id, encryption context), the region it calls (the key ARN's), that it accepts a
 * decryption only from the configured key, that it closes every client, that a KMS-wrapped
 * keyset opens through it, and that KMS error text (which names ARNs and accounts) never surfaces.
 */
class AwsKmsAeadTest {

    private static final String ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** Encrypts with a local key, binding the encryption context as KMS does; records requests. */
    static final class InMemoryKms implements KmsAsyncClient {
        final Aead key;
        final List<Object> requests = new ArrayList<>();
        final List<Region> regions = new ArrayList<>();
        boolean failing;
        String answeringKeyId;
        int opened;
        int closed;

        /** A client factory as the adapter uses it: records the region and counts open clients. */
        Function<Region, KmsAsyncClient> factory() {
            return region -> {
                regions.add(region);
                opened++;
                return this;
            };
        }

        InMemoryKms() throws GeneralSecurityException {
            key = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get())
                    .getPrimitive(AeadConfig2026.get(), Aead.class);
        }

        @Override
        public CompletableFuture<EncryptResponse> encrypt(EncryptRequest request) {
            requests.add(request);
            return call(() -> EncryptResponse.builder().keyId(request.keyId()).ciphertextBlob(SdkBytes.fromByteArray(
                    key.encrypt(request.plaintext().asByteArray(), bound(request.keyId(), request.encryptionContext()))))
                    .build());
        }

        @Override
        public CompletableFuture<DecryptResponse> decrypt(DecryptRequest request) {
            requests.add(request);
            return call(() -> DecryptResponse.builder().keyId(answeringKeyId != null ? answeringKeyId : request.keyId()).plaintext(SdkBytes.fromByteArray(
                    key.decrypt(request.ciphertextBlob().asByteArray(), bound(request.keyId(), request.encryptionContext()))))
                    .build());
        }

        private <T> CompletableFuture<T> call(Crypto<T> body) {
            if (failing) {
                return CompletableFuture.failedFuture(KmsException.builder()
                        .message("User: arn:aws:sts::111122223333:assumed-role/x is not authorized on " + ARN).build());
            }
            try {
                return CompletableFuture.completedFuture(body.run());
            } catch (GeneralSecurityException e) {
                return CompletableFuture.failedFuture(KmsException.builder().message("InvalidCiphertextException").build());
            }
        }

        private static byte[] bound(String keyId, Map<String, String> context) {
            return (keyId + new java.util.TreeMap<>(context)).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {
            closed++;
        }

        interface Crypto<T> {
            T run() throws GeneralSecurityException;
        }
    }

    @Test
    void sealsWithTheKeyArnAndTheAssociatedDataAsHexEncryptionContext() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        Aead aead = new AwsKmsClient(kms.factory()).getAead("aws-kms://" + ARN);
        byte[] aad = { 1, 2, (byte) 0xff };
        byte[] sealed = aead.encrypt("keyset".getBytes(StandardCharsets.UTF_8), aad);
        assertArrayEquals("keyset".getBytes(StandardCharsets.UTF_8), aead.decrypt(sealed, aad));
        EncryptRequest sent = (EncryptRequest) kms.requests.get(0);
        assertEquals(ARN, sent.keyId());
        assertEquals(Map.of("associatedData", HexFormat.of().formatHex(aad)), sent.encryptionContext());
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(sealed, new byte[] { 9 }));
    }

    @Test
    void keysetEncryptedUnderAnAwsKmsKeyLoadsThroughTheRegisteredClient() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        String uri = "aws-kms://" + ARN + "-registered";
        AwsKmsClient aws = new AwsKmsClient(kms.factory());
        FakeKmsClient.route(uri, aws);
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        Aead kek = KmsClients.get(uri).getAead(uri);
        String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, kek, new byte[0], AeadConfig2026.get());
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        Aead loaded = AeadKeyset.load(new TestCrypto(Optional.of(base64), Optional.empty(), Optional.of(uri), false));
        byte[] sealed = handle.getPrimitive(AeadConfig2026.get(), Aead.class).encrypt(new byte[] { 7 }, new byte[0]);
        assertArrayEquals(new byte[] { 7 }, loaded.decrypt(sealed, new byte[0]));
    }

    @Test
    void theKmsClientOpenedToLoadAKeysetIsClosedOnceTheKeysetIsLoaded() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        String uri = "aws-kms://" + ARN + "-closed";
        FakeKmsClient.route(uri, new AwsKmsClient(kms.factory()));
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
        String json = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(handle, KmsClients.get(uri).getAead(uri),
                new byte[0], AeadConfig2026.get());

        int opened = kms.opened;
        AeadKeyset.load(new TestCrypto(Optional.of(base64(json)), Optional.empty(), Optional.of(uri), false));
        assertTrue(kms.opened > opened, "loading used KMS");
        assertEquals(kms.opened, kms.closed, "closed after loading");

        assertThrows(IllegalStateException.class,
                () -> AeadKeyset.load(new TestCrypto(Optional.of(base64("{}")), Optional.empty(), Optional.of(uri), false)));
        assertEquals(kms.opened, kms.closed, "closed even when the keyset does not open");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kmsErrorTextNeverSurfaces() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        kms.failing = true;
        Aead aead = new AwsKmsClient(kms.factory()).getAead("aws-kms://" + ARN);
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> aead.decrypt(new byte[] { 1 }, null));
        assertFalse(e.getMessage().contains("111122223333"), e.getMessage());
        assertFalse(e.getMessage().contains("arn:"), e.getMessage());
    }

    @Test
    void onlyAwsKmsUrisAreSupported() throws Exception {
        AwsKmsClient client = new AwsKmsClient(region -> {
            throw new AssertionError("no client needed");
        });
        assertFalse(client.doesSupport("gcp-kms://projects/x"));
        assertThrows(GeneralSecurityException.class, () -> client.getAead("fake-kms://x"));
        // the region must come from a key ARN: an alias, a bare key id or a foreign ARN is refused up front
        for (String key : List.of("alias/profile", "1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:111122223333:alias/profile", "arn:aws:s3:::bucket")) {
            assertThrows(GeneralSecurityException.class, () -> client.getAead("aws-kms://" + key), key);
        }
    }

    @Test
    void theRegionIsTheKeyArnsNotAwsRegion() throws Exception {
        String previous = System.getProperty("aws.region");
        System.setProperty("aws.region", "us-east-1"); // what AWS_REGION would say; the ARN must win
        try {
            InMemoryKms kms = new InMemoryKms();
            Aead aead = new AwsKmsClient(kms.factory()).getAead("aws-kms://" + ARN);
            aead.decrypt(aead.encrypt(new byte[] { 1 }, null), null);
            String other = ARN.replace("eu-west-1", "ap-southeast-2");
            new AwsKmsClient(kms.factory()).getAead("aws-kms://" + other).encrypt(new byte[] { 1 }, null);
            assertEquals(List.of(Region.EU_WEST_1, Region.EU_WEST_1, Region.AP_SOUTHEAST_2), kms.regions);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", previous);
            }
        }
    }

    @Test
    void aDecryptAnsweredForAnotherKeyIsRefused() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        Aead aead = new AwsKmsClient(kms.factory()).getAead("aws-kms://" + ARN);
        byte[] sealed = aead.encrypt(new byte[] { 7 }, null);
        kms.answeringKeyId = ARN.replace("1234abcd", "9999ffff");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> aead.decrypt(sealed, null));
        assertFalse(e.getMessage().contains("arn:"), e.getMessage());
        kms.answeringKeyId = null;
        assertArrayEquals(new byte[] { 7 }, aead.decrypt(sealed, null));
    }

    @Test
    void everySdkClientIsClosedAfterItsCallEvenWhenItFails() throws Exception {
        InMemoryKms kms = new InMemoryKms();
        Aead aead = new AwsKmsClient(kms.factory()).getAead("aws-kms://" + ARN);
        aead.decrypt(aead.encrypt(new byte[] { 1 }, null), null);
        kms.failing = true;
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(new byte[] { 1 }, null));
        assertEquals(3, kms.opened);
        assertEquals(kms.opened, kms.closed, "every client opened is closed");
    }
}
