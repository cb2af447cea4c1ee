package dev.profileservice.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "profile")
public interface ProfileConfig {

    /** The DynamoDB table holding profiles and addresses. */
    @WithDefault("UserProfiles")
    String table();

    Bootstrap bootstrap();

    Crypto crypto();

    Cursor cursor();

    TokenCache tokenCache();

    interface Bootstrap {

        /** Create the table at startup when it is missing. Dev and test only: in prod infrastructure owns it. */
        @WithDefault("false")
        boolean createTable();

        /** Seed demo profiles for alice and bob, with planted legacy attributes. Dev only. */
        @WithDefault("false")
        boolean seedDemoData();
    }

    interface Crypto {

        /** Base64 of a cleartext Tink JSON AEAD keyset (AES256-GCM). Required unless ephemeral keys are allowed. */
        Optional<String> keyset();

        /** Base64 of a cleartext Tink JSON PRF keyset (HMAC-SHA256) for blind indexes. Required unless ephemeral keys are allowed. */
        Optional<String> indexKeyset();

        /**
         * A Tink KMS key URI. When set, both keysets are Tink JSON keysets encrypted with this key
         * (still base64), opened through the {@code KmsClient} registered for the URI.
         */
        Optional<String> kmsKeyUri();

        /** Generate a throw-away keyset at startup when none is configured. Never in prod. */
        @WithDefault("false")
        boolean allowEphemeral();

        /**
         * The logical name of the data set, bound into every field ciphertext and cursor instead of the physical
         * table name, so a restored table (always under a new name) still decrypts. It must never change for the
         * life of the data. The default is the table name the service has always bound, so existing data opens.
         */
        @WithDefault("UserProfiles")
        String context();

        /**
         * Serve plaintext (S) still found in an encrypted attribute. Once the backfill has encrypted everything,
         * set false: plaintext is then refused (500 with an errorId), so nobody with write access to the table
         * can swap a ciphertext for a plaintext value and bypass its binding.
         */
        @WithDefault("true")
        boolean acceptLegacyPlaintext();
    }

    interface Cursor {

        /** How long a pagination cursor stays valid. */
        @WithDefault("PT15M")
        Duration ttl();
    }

    /** Verified access tokens kept so that a token seen again is not verified again (security/VerifiedTokenCache). */
    interface TokenCache {

        /** At most this many tokens; 0 turns the cache off. */
        @WithDefault("0")
        int maxSize();

        /** No entry outlives its token's exp, nor this much time after it was verified. */
        @WithDefault("PT1M")
        Duration maxTtl();
    }
}
