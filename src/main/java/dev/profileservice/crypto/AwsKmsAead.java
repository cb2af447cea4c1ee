package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.google.crypto.tink.Aead;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsAsyncClient;

/**
 * An {@link Aead} whose key never leaves AWS KMS. Associated data travels as the encryption
 * context {@code associatedData} (hex), as Tink's own AWS KMS AEAD sends it, so keysets that
 * Tinkey encrypted with {@code --master-key-uri aws-kms://...} open here. It owns its SDK
 * client: closing it closes the client and its connection pool.
 */
final class AwsKmsAead implements Aead, AutoCloseable {

    private final KmsAsyncClient kms;
    private final String keyArn;

    AwsKmsAead(KmsAsyncClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromByteArray(plaintext))
                    .encryptionContext(context(associatedData))).join().ciphertextBlob().asByteArray();
        } catch (CompletionException | SdkException e) {
            throw failure("encrypt", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        try {
            return kms.decrypt(r -> r.keyId(keyArn).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                    .encryptionContext(context(associatedData))).join().plaintext().asByteArray();
        } catch (CompletionException | SdkException e) {
            throw failure("decrypt", e);
        }
    }

    @Override
    public void close() {
        kms.close();
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
