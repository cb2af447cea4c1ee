package dev.profileservice.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;

import dev.profileservice.config.ProfileConfig;
import io.quarkus.logging.Log;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Where one keyset comes from: a setting holding base64 of Tink JSON, cleartext or (with
 * {@code profile.crypto.kms-key-uri}) encrypted under a KMS key; or, in dev and test only, a
 * throw-away keyset. Failures name the setting, never its value.
 */
record KeysetSource(String setting, String env, String kind, Parameters ephemeral, Configuration configuration) {

    /**
     * Empty associated data, as Tinkey writes it ({@code tinkey create-keyset --master-key-uri ...}),
     * so operators can produce encrypted keysets with the standard tool.
     */
    private static final byte[] KEYSET_ASSOCIATED_DATA = new byte[0];

    /** {@code kmsInterceptors} go on the KMS client, if one is needed (tracing). */
    KeysetHandle load(Optional<String> value, ProfileConfig.Crypto crypto, List<ExecutionInterceptor> kmsInterceptors) {
        if (value.isEmpty()) {
            if (!crypto.allowEphemeral()) {
                throw new IllegalStateException(setting + " (env " + env + ") is required: a base64-encoded Tink JSON "
                        + kind + " keyset from a Secret. See README, Configuration.");
            }
            Log.warnf("No %s configured: using an ephemeral %s keyset (dev/test only)", setting, kind);
            return generate();
        }
        Aead kek = crypto.kmsKeyUri().map(uri -> keyEncryptionAead(uri, kmsInterceptors)).orElse(null);
        try {
            String json = new String(Base64.getDecoder().decode(value.get().strip()), StandardCharsets.UTF_8);
            return kek == null
                    ? TinkJsonProtoKeysetFormat.parseKeyset(json, configuration, InsecureSecretKeyAccess.get())
                    : TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, kek, KEYSET_ASSOCIATED_DATA, configuration);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The keyset text itself must never reach the log: name the setting, not the value.
            throw new IllegalStateException(setting + " is not a valid base64 Tink JSON " + kind + " keyset"
                    + (kek == null ? "" : " encrypted with profile.crypto.kms-key-uri") + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            release(kek);
        }
    }

    /** The KMS client behind a key-encryption AEAD is needed only while a keyset opens: close it after. */
    private static void release(Aead kek) {
        if (kek instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                Log.debugf("Closing the KMS client failed (%s)", e.getClass().getSimpleName());
            }
        }
    }

    <P> P primitive(KeysetHandle handle, Class<P> type) {
        try {
            return handle.getPrimitive(configuration, type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(setting + " is not a " + kind + " keyset (" + e.getClass().getSimpleName() + ")");
        }
    }

    KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(ephemeral, configuration);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an ephemeral " + kind + " keyset", e);
        }
    }

    private Aead keyEncryptionAead(String uri, List<ExecutionInterceptor> interceptors) {
        try {
            return client(uri, interceptors).getAead(uri);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no KMS client can use profile.crypto.kms-key-uri ("
                    + e.getClass().getSimpleName() + "). See README, Encryption at rest.");
        }
    }

    /** A client registered with Tink wins (tests register a fake); aws-kms:// otherwise uses the SDK v2 client. */
    private static KmsClient client(String uri, List<ExecutionInterceptor> interceptors) throws GeneralSecurityException {
        try {
            return KmsClients.get(uri);
        } catch (GeneralSecurityException notRegistered) {
            AwsKmsClient aws = AwsKmsClient.defaultChain(interceptors);
            if (aws.doesSupport(uri)) {
                return aws;
            }
            throw notRegistered;
        }
    }
}
