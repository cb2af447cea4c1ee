package dev.profileservice.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

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

    /** A new keyset of the given kind, from the same template the service loads it with, as base64 of its cleartext Tink JSON. */
    public static String generate(String kind) throws GeneralSecurityException {
        KeysetSource source = switch (kind) {
            case "aead" -> AeadKeyset.SOURCE;
            case "prf" -> IndexKeyset.SOURCE;
            default -> throw new IllegalArgumentException("usage: KeysetTool aead|prf");
        };
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(source.generate(), source.configuration(),
                InsecureSecretKeyAccess.get());
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
