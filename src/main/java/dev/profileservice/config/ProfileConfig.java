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

        /** Generate a throw-away keyset at startup when none is configured. Never in prod. */
        @WithDefault("false")
        boolean allowEphemeral();
    }

    interface Cursor {

        /** How long a pagination cursor stays valid. */
        @WithDefault("PT15M")
        Duration ttl();
    }
}
