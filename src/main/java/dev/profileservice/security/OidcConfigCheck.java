package dev.profileservice.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Without an issuer, Quarkus disables the OIDC tenant and every request is a 401: safe, but
 * silent. In prod the service refuses to start instead, naming the setting to provide.
 */
@ApplicationScoped
public class OidcConfigCheck {

    private final Optional<String> issuer;
    private final Optional<String> audience;

    OidcConfigCheck(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
            @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<String> audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            verify(issuer, audience);
        }
    }

    static void verify(Optional<String> issuer, Optional<String> audience) {
        if (issuer.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url (env QUARKUS_OIDC_AUTH_SERVER_URL) is required:"
                    + " the issuer whose tokens this service accepts");
        }
        if (audience.filter(s -> !s.isBlank() && !s.equals("any")).isEmpty()) {
            throw new IllegalStateException("quarkus.oidc.token.audience (env QUARKUS_OIDC_TOKEN_AUDIENCE) is required in prod:"
                    + " the aud this service's tokens must carry");
        }
    }
}
