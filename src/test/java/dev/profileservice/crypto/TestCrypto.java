package dev.profileservice.crypto;

import java.util.Optional;

import dev.profileservice.config.ProfileConfig;

/** Crypto settings for plain unit tests, without a Quarkus config behind them. */
public record TestCrypto(Optional<String> keyset, Optional<String> indexKeyset, Optional<String> kmsKeyUri,
        boolean allowEphemeral) implements ProfileConfig.Crypto {

    @Override
    public String context() {
        return "UserProfiles";
    }

    @Override
    public boolean acceptLegacyPlaintext() {
        return true;
    }

    public static TestCrypto keyset(Optional<String> keyset, boolean allowEphemeral) {
        return new TestCrypto(keyset, Optional.empty(), Optional.empty(), allowEphemeral);
    }

    public static TestCrypto indexKeyset(Optional<String> indexKeyset, boolean allowEphemeral) {
        return new TestCrypto(Optional.empty(), indexKeyset, Optional.empty(), allowEphemeral);
    }
}
