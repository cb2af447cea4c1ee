package dev.profileservice.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig2026;

/**
 * Prints a new keyset as one base64 line, ready to be a Secret's value:
 * {@code aead} (AES256-GCM, for {@code PROFILE_CRYPTO_KEYSET}) or {@code prf}
 * (HMAC-SHA256, for {@code PROFILE_CRYPTO_INDEX_KEYSET}). Not part of the service's runtime.
 */
public final class KeysetTool {

    private KeysetTool() {
    }

    public static void main(String[] args) throws GeneralSecurityException {
        System.out.println(generate(args.length == 0 ? "aead" : args[0]));
    }

    /** A new keyset of the given kind, as base64 of its cleartext Tink JSON. */
    public static String generate(String kind) throws GeneralSecurityException {
        Configuration config = switch (kind) {
            case "aead" -> AeadConfig2026.get();
            case "prf" -> PrfConfig2026.get();
            default -> throw new IllegalArgumentException("usage: KeysetTool aead|prf");
        };
        KeysetHandle handle = KeysetHandle.generateNew(
                kind.equals("aead") ? PredefinedAeadParameters.AES256_GCM : PredefinedPrfParameters.HMAC_SHA256_PRF, config);
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, config, InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
