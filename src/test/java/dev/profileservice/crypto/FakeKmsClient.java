package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * A KMS for tests: each {@code fake-kms://} URI names its own in-memory AES-GCM key, as a
 * KMS key ARN names a key that never leaves the KMS. Stands in for the AWS KMS client that
 * production would register.
 */
final class FakeKmsClient implements KmsClient {

    static final String PREFIX = "fake-kms://";
    private static final Map<String, Aead> KEYS = new ConcurrentHashMap<>();
    private static volatile boolean registered;

    /** Registers the fake once per JVM: KmsClients is a global registry. */
    static synchronized void register() {
        if (!registered) {
            KmsClients.add(new FakeKmsClient());
            registered = true;
        }
    }

    @Override
    public boolean doesSupport(String keyUri) {
        return keyUri != null && keyUri.startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
        return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException("unsupported key URI");
        }
        return KEYS.computeIfAbsent(keyUri, uri -> newAead());
    }

    private static Aead newAead() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get())
                    .getPrimitive(AeadConfig2026.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
