package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.google.crypto.tink.Aead;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsAsyncClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;

/**
 * An {@link Aead} whose key never leaves AWS KMS. Associated data travels as the encryption context
 * {@code associatedData} (hex), as Tink's own AWS KMS AEAD sends it, so keysets that Tinkey encrypted with
 * {@code --master-key-uri aws-kms://...} open here. Decryption is accepted only from the configured key, and each
 * call uses its own client, closed when the call is done (this runs a few times at startup, not per request).
 */
final class AwsKmsAead implements Aead {

    private final Function<Region, KmsAsyncClient> clients;
    private final Region region;
    private final String keyArn;

    AwsKmsAead(Function<Region, KmsAsyncClient> clients, Region region, String keyArn) {
        this.clients = clients;
        this.region = region;
        this.keyArn = keyArn;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        try (KmsAsyncClient kms = clients.apply(region)) {
            return kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext))
                    .encryptionContext(context(associatedData))).join().ciphertextBlob().asByteArray();
        } catch (CompletionException | SdkException e) {
            throw failure("encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        DecryptResponse response;
        try (KmsAsyncClient kms = clients.apply(region)) {
            response = kms.decrypt(r -> r.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                    .encryptionContext(context(associatedData))).join();
        } catch (CompletionException | SdkException e) {
            throw failure("decrypt", e);
        }
        // KMS pins the key through keyId already; this also refuses an endpoint that answers for another key
        if (!keyArn.equals(response.keyId())) {
            throw new GeneralSecurityException("KMS decrypt answered for another key than the configured one");
        }
        return response.plaintext().asByteArray();
    }

    static Map<String, String> context(byte[] associatedData) {
        return associatedData == null || associatedData.length == 0
                ? Map.of()
                : Map.of("associatedData", HexFormat.of().formatHex(associatedData));
    }

    /** KMS error text names the key ARN, the account and the role: keep only the kind of failure. */
    private static GeneralSecurityException failure(String operation, RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return new GeneralSecurityException("KMS " + operation + " failed (" + cause.getClass().getSimpleName() + ")");
    }
}
