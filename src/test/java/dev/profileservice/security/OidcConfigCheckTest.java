package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.SmallRyeConfigBuilder;

class OidcConfigCheckTest {

    private static final Optional<String> LONG = Optional.of("k".repeat(OidcConfigCheck.MIN_SECRET_LENGTH));

    @Test
    void theServiceNeedsItsSecretsButACommandRunDoesNot() {
        var nothing = new SmallRyeConfigBuilder().build();
        // the backfill Job carries only the keysets: no client or session secret, and it serves no session
        assertDoesNotThrow(() -> new OidcConfigCheck(nothing, new String[] { "backfill", "--mode", "encrypt" })
                .check(LaunchMode.NORMAL));
        assertThrows(IllegalStateException.class, () -> new OidcConfigCheck(nothing, new String[0]).check(LaunchMode.NORMAL));
        assertDoesNotThrow(() -> new OidcConfigCheck(nothing, new String[0]).check(LaunchMode.TEST));
    }

    @Test
    void prodTakesTheIssuersKeysOverTlsOnly() {
        var e = assertThrows(IllegalStateException.class,
                () -> OidcConfigCheck.verify(Optional.of("http://sso.example.com/realms/x"), Optional.of("profile-service")));
        assertTrue(e.getMessage().contains("must be https"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verify(Optional.of("sso.example.com"), Optional.of("a")));
        assertDoesNotThrow(() -> OidcConfigCheck.verify(Optional.of("https://sso.example.com/realms/x"), Optional.of("a")));
        assertDoesNotThrow(() -> OidcConfigCheck.verify(Optional.of("http://127.0.0.1:8180/realms/x"), Optional.of("a")));
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verifyTls(Optional.of("none")));
        assertDoesNotThrow(() -> OidcConfigCheck.verifyTls(Optional.of("required")));
        assertDoesNotThrow(() -> OidcConfigCheck.verifyTls(Optional.empty()));
    }

    @Test
    void prodWithoutIssuerRefusesToStartNamingTheSetting() {
        var e = assertThrows(IllegalStateException.class,
                () -> OidcConfigCheck.verify(Optional.empty(), Optional.of("profile-service")));
        assertTrue(e.getMessage().contains("QUARKUS_OIDC_AUTH_SERVER_URL"));
    }

    @Test
    void prodWithoutAudienceOrWithAnyAudienceRefusesToStart() {
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verify(Optional.of("https://idp"), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verify(Optional.of("https://idp"), Optional.of("any")));
    }

    @Test
    void issuerAndAudienceAreEnough() {
        assertDoesNotThrow(() -> OidcConfigCheck.verify(Optional.of("https://idp"), Optional.of("profile-service")));
    }

    @Test
    void prodWithoutTheClientSecretRefusesToStartNamingIt() {
        var e = assertThrows(IllegalStateException.class,
                () -> OidcConfigCheck.verifySessionSecrets(Optional.of(" "), LONG, LONG));
        assertTrue(e.getMessage().contains("QUARKUS_OIDC_CREDENTIALS_SECRET"));
    }

    @Test
    void prodWithoutTheSessionEncryptionSecretRefusesToStartNamingIt() {
        var e = assertThrows(IllegalStateException.class,
                () -> OidcConfigCheck.verifySessionSecrets(Optional.of("s"), Optional.empty(), LONG));
        assertTrue(e.getMessage().contains("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET"));
    }

    @Test
    void prodWithoutTheStateSecretRefusesToStartNamingIt() {
        var e = assertThrows(IllegalStateException.class,
                () -> OidcConfigCheck.verifySessionSecrets(Optional.of("s"), LONG, Optional.empty()));
        assertTrue(e.getMessage().contains("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET"));
    }

    @Test
    void shortSessionSecretsAreRefused() {
        Optional<String> shortSecret = Optional.of("k".repeat(OidcConfigCheck.MIN_SECRET_LENGTH - 1));
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verifySessionSecrets(Optional.of("s"), shortSecret, LONG));
        assertThrows(IllegalStateException.class, () -> OidcConfigCheck.verifySessionSecrets(Optional.of("s"), LONG, shortSecret));
    }

    @Test
    void allThreeSecretsAreEnough() {
        assertDoesNotThrow(() -> OidcConfigCheck.verifySessionSecrets(Optional.of("s"), LONG, LONG));
    }
}
