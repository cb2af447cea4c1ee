package dev.profileservice.crypto;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the codec sees of encryption on reads: plaintext still waiting for its first
 * encrypted write, and which keys sealed the data served, so an operator knows when an old
 * key is no longer in use and may be dropped from the keyset.
 */
@ApplicationScoped
public class CryptoMetrics {

    static final String LEGACY_PLAINTEXT_READS = "profile.crypto.legacy.plaintext.reads";
    static final String READS = "profile.crypto.reads";

    private final MeterRegistry registry;

    CryptoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void legacyPlaintextRead(String attribute) {
        registry.counter(LEGACY_PLAINTEXT_READS, "attribute", attribute).increment();
    }

    /** One item read that holds at least one ciphertext sealed with this key. */
    public void itemRead(String keyId) {
        registry.counter(READS, "key_id", keyId).increment();
    }
}
