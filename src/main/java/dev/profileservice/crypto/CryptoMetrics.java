package dev.profileservice.crypto;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the codec sees of encryption on reads: plaintext still waiting for its first
 * encrypted write, ciphertexts that do not open, and which keys sealed the data served, so
 * an operator knows when an old key is no longer in use and may be dropped from the keyset.
 */
@Singleton
public class CryptoMetrics {

    static final String LEGACY_PLAINTEXT_READS = "profile.crypto.legacy.plaintext.reads";
    static final String READS = "profile.crypto.reads";
    static final String DECRYPT_FAILURES = "profile.crypto.decrypt.failures";
    static final String LEGACY_PLAINTEXT_REFUSED = "profile.crypto.legacy.plaintext.refused";

    private final MeterRegistry registry;

    CryptoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void legacyPlaintextRead(String attribute) {
        registry.counter(LEGACY_PLAINTEXT_READS, "attribute", attribute).increment();
    }

    /** A ciphertext that did not open for its place: a wrong key, a copied value or tampering. */
    public void decryptFailure(String attribute) {
        registry.counter(DECRYPT_FAILURES, "attribute", attribute).increment();
    }

    /** Plaintext found in an encrypted attribute while it is no longer accepted: a downgrade, or a missed item. */
    public void legacyPlaintextRefused(String attribute) {
        registry.counter(LEGACY_PLAINTEXT_REFUSED, "attribute", attribute).increment();
    }

    /** One item read that holds at least one ciphertext sealed with this key. */
    public void itemRead(String keyId) {
        registry.counter(READS, "key_id", keyId).increment();
    }
}
