package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class OidcConfigCheckTest {

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
}
