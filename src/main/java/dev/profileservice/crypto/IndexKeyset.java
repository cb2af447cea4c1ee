package dev.profileservice.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig2026;
import com.google.crypto.tink.prf.PrfSet;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.telemetry.AwsSdkTracing;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The blind-index key (Tink PRF, HMAC-SHA256), loaded once at startup from
 * {@code profile.crypto.index-keyset}. A blind index lets the table be queried by a value
 * without storing the value: equal inputs give equal tags, and without the key a tag cannot
 * be computed or reversed by guessing. A separate key from the AEAD's, because it can never
 * be rotated online (every stored tag would have to be recomputed).
 */
@ApplicationScoped
public class IndexKeyset {

    static final KeysetSource SOURCE = new KeysetSource("profile.crypto.index-keyset", "PROFILE_CRYPTO_INDEX_KEYSET",
            "HMAC-SHA256 PRF", PredefinedPrfParameters.HMAC_SHA256_PRF, PrfConfig2026.get());

    private static final int TAG_LENGTH = 32;

    private final PrfSet prf;

    @Inject
    IndexKeyset(ProfileConfig config, AwsSdkTracing tracing) {
        this(load(config.crypto(), tracing.interceptors()));
    }

    IndexKeyset(PrfSet prf) {
        this.prf = prf;
    }

    /** Forces loading at startup, so a missing or broken keyset fails the boot, not the first request. */
    void onStart(@Observes StartupEvent event) {
        Log.debug("Blind-index keyset loaded");
    }

    /**
     * The tag of {@code value} in the index {@code name}, base64url. The index name is part of the
     * input, so the same value gives unrelated tags in different indexes.
     */
    public String tag(String name, String value) {
        byte[] input = ("profile-service/index/v1\u0000" + name + "\u0000" + value).getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(prf.computePrimary(input, TAG_LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute blind index " + name, e);
        }
    }

    static PrfSet load(ProfileConfig.Crypto crypto) {
        return load(crypto, List.of());
    }

    static PrfSet load(ProfileConfig.Crypto crypto, List<ExecutionInterceptor> kmsInterceptors) {
        return SOURCE.primitive(SOURCE.load(crypto.indexKeyset(), crypto, kmsInterceptors), PrfSet.class);
    }
}
