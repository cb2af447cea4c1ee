package dev.profileservice.crypto;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.telemetry.AwsSdkTracing;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The service's AEAD keyset (Tink, AES256-GCM), loaded once at startup from
 * {@code profile.crypto.keyset} (see {@link KeysetSource}). It seals cursors and encrypted
 * attributes. Without one, prod refuses to start; dev and test mint a throw-away keyset, so
 * their cursors and encrypted data do not survive a restart.
 */
@Singleton
public class AeadKeyset {

    static final KeysetSource SOURCE = new KeysetSource("profile.crypto.keyset", "PROFILE_CRYPTO_KEYSET", "AES256-GCM",
            PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());

    private final Aead aead;

    AeadKeyset(ProfileConfig config, AwsSdkTracing tracing) {
        this.aead = load(config.crypto(), tracing.interceptors());
    }

    /** Forces loading at startup, so a missing or broken keyset fails the boot, not the first request. */
    void onStart(@Observes StartupEvent event) {
        Log.debug("AEAD keyset loaded");
    }

    public Aead aead() {
        return aead;
    }

    static Aead load(ProfileConfig.Crypto crypto) {
        return load(crypto, List.of());
    }

    static Aead load(ProfileConfig.Crypto crypto, List<ExecutionInterceptor> kmsInterceptors) {
        return SOURCE.primitive(SOURCE.load(crypto.keyset(), crypto, kmsInterceptors), Aead.class);
    }
}
