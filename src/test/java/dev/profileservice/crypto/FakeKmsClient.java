package dev.profileservice.crypto;

import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * A KMS for tests: each {@code fake-kms://} URI names its own in-memory AES-GCM key, as a
 * KMS key ARN names a key that never leaves the KMS. Stands in for the AWS KMS client that
 * production would register. It can also route one URI to another client.
 */
final class FakeKmsClient implements KmsClient {

    static final String PREFIX = "fake-kms://";
    private static final Map<String, Aead> KEYS = new ConcurrentHashMap<>();
    private static volatile boolean registered;

    /** How this client answers for a URI it supports. */
    @FunctionalInterface
    interface Aeads {
        Aead forUri(String keyUri) throws GeneralSecurityException;
    }

    private final Predicate<String> supports;
    private final Aeads aeads;

    private FakeKmsClient(Predicate<String> supports, Aeads aeads) {
        this.supports = supports;
        this.aeads = aeads;
    }

    /** Registers the fake once per JVM: KmsClients is a global registry. */
    static synchronized void register() {
        if (!registered) {
            KmsClients.add(new FakeKmsClient(uri -> uri.startsWith(PREFIX), uri -> KEYS.computeIfAbsent(uri, u -> newAead())));
            registered = true;
        }
    }

    /** Routes exactly one URI to {@code target}, so other tests still meet the default chain for theirs. */
    static void route(String uri, KmsClient target) {
        KmsClients.add(new FakeKmsClient(uri::equals, target::getAead));
    }

    @Override
    public boolean doesSupport(String keyUri) {
        return keyUri != null && supports.test(keyUri);
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
        return aeads.forUri(keyUri);
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
