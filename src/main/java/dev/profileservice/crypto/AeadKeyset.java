package dev.profileservice.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import dev.profileservice.config.ProfileConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The service's AEAD keyset (Tink, AES256-GCM), loaded once at startup from
 * {@code profile.crypto.keyset}. Without one, prod refuses to start; dev and test mint a
 * throw-away keyset, so their cursors do not survive a restart.
 */
@ApplicationScoped
public class AeadKeyset {

    private final Aead aead;

    AeadKeyset(ProfileConfig config) {
        this.aead = load(config.crypto());
    }

    /** Forces loading at startup, so a missing or broken keyset fails the boot, not the first request. */
    void onStart(@Observes StartupEvent event) {
        Log.debug("AEAD keyset loaded");
    }

    public Aead aead() {
        return aead;
    }

    static Aead load(ProfileConfig.Crypto crypto) {
        try {
            KeysetHandle handle;
            if (crypto.keyset().isPresent()) {
                handle = parse(crypto.keyset().get());
            } else if (crypto.allowEphemeral()) {
                Log.warn("No profile.crypto.keyset configured: using an ephemeral AEAD keyset (dev/test only)");
                handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, AeadConfig2026.get());
            } else {
                throw new IllegalStateException("profile.crypto.keyset (env PROFILE_CRYPTO_KEYSET) is required:"
                        + " a base64-encoded cleartext Tink JSON AES256-GCM keyset from a Secret. See README, Configuration.");
            }
            return handle.getPrimitive(AeadConfig2026.get(), Aead.class);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The keyset text itself must never reach the log: name the setting, not the value.
            throw new IllegalStateException("profile.crypto.keyset is not a valid base64 Tink JSON AEAD keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeysetHandle parse(String base64) throws GeneralSecurityException {
        String json = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        return TinkJsonProtoKeysetFormat.parseKeyset(json, AeadConfig2026.get(), InsecureSecretKeyAccess.get());
    }
}
