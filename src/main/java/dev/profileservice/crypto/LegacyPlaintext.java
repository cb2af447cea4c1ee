package dev.profileservice.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.ItemKey;

/**
 * What a read does with plaintext (S) found in an encrypted attribute: serve it and count it while
 * {@code profile.crypto.accept-legacy-plaintext} is true; once it is false, count it as refused and fail the read
 * closed with {@link PlaintextRefusedException}, which names the attribute and the key, never the value.
 */
@ApplicationScoped
public class LegacyPlaintext {

    private final CryptoMetrics metrics;
    private final boolean accepted;

    @Inject
    LegacyPlaintext(CryptoMetrics metrics, ProfileConfig config) {
        this(metrics, config.crypto().acceptLegacyPlaintext());
    }

    public LegacyPlaintext(CryptoMetrics metrics, boolean accepted) {
        this.metrics = metrics;
        this.accepted = accepted;
    }

    /** Returns when the plaintext of {@code attribute} at {@code key} may be served; throws when it may not. */
    public void admit(String attribute, ItemKey key) {
        if (!accepted) {
            metrics.legacyPlaintextRefused(attribute);
            throw new PlaintextRefusedException(attribute, key);
        }
        metrics.legacyPlaintextRead(attribute);
    }
}
