package dev.profileservice.security;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;

/**
 * Without an issuer, Quarkus disables the OIDC tenant and every request is a 401: safe, but
 * silent. Without the browser session secrets it makes up its own per pod, so sessions break
 * across replicas and restarts. In prod the service refuses to start instead, naming the setting.
 */
@ApplicationScoped
public class OidcConfigCheck {

    /** Quarkus derives AES-256 keys from these; shorter ones are refused or padded. */
    static final int MIN_SECRET_LENGTH = 32;

    private final Config config;
    private final String[] args;

    OidcConfigCheck(Config config, @CommandLineArguments String[] args) {
        this.config = config;
        this.args = args;
    }

    void onStart(@Observes StartupEvent event) {
        check(LaunchMode.current());
    }

    /**
     * Checked when the jar runs as the service. A command ({@code backfill ...}, the Job) authenticates nobody and
     * opens no session, and its Job carries only the keysets: it must not be refused for want of the web's secrets.
     */
    void check(LaunchMode mode) {
        if (mode == LaunchMode.NORMAL && args.length == 0) {
            verify(value("quarkus.oidc.auth-server-url"), value("quarkus.oidc.token.audience"));
            verifyTls(value("quarkus.oidc.tls.verification"));
            verifySessionSecrets(value("quarkus.oidc.credentials.secret"),
                    value("quarkus.oidc.token-state-manager.encryption-secret"),
                    value("quarkus.oidc.authentication.state-secret"));
        }
    }

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class);
    }

    static void verify(Optional<String> issuer, Optional<String> audience) {
        if (issuer.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url (env QUARKUS_OIDC_AUTH_SERVER_URL) is required:"
                    + " the issuer whose tokens this service accepts");
        }
        if (!overTls(issuer.get())) {
            throw new IllegalStateException("quarkus.oidc.auth-server-url (env QUARKUS_OIDC_AUTH_SERVER_URL) must be https"
                    + " in prod: the JWKS that every token is checked against is fetched from it");
        }
        if (audience.filter(s -> !s.isBlank() && !s.equals("any")).isEmpty()) {
            throw new IllegalStateException("quarkus.oidc.token.audience (env QUARKUS_OIDC_TOKEN_AUDIENCE) is required in prod:"
                    + " the aud this service's tokens must carry");
        }
    }

    /** https, or plain http to this host only (a sidecar or a local test issuer): the keys must not cross a network in clear. */
    static boolean overTls(String issuer) {
        try {
            URI uri = URI.create(issuer.strip());
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                return true;
            }
            String host = uri.getHost();
            return "http".equalsIgnoreCase(uri.getScheme()) && host != null
                    && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Certificate checks on the IdP's connections stay on: without them anyone on the path can serve its own keys. */
    static void verifyTls(Optional<String> verification) {
        if (verification.filter(v -> v.strip().equalsIgnoreCase("none")).isPresent()) {
            throw new IllegalStateException("quarkus.oidc.tls.verification=none is refused in prod: the IdP's keys would be"
                    + " accepted from anyone on the path");
        }
    }

    /** The web client's code flow: the client secret, and two secrets that must be the same on every pod. */
    static void verifySessionSecrets(Optional<String> clientSecret, Optional<String> encryptionSecret,
            Optional<String> stateSecret) {
        if (clientSecret.filter(s -> !s.isBlank()).isEmpty()) {
            throw new IllegalStateException("quarkus.oidc.credentials.secret (env QUARKUS_OIDC_CREDENTIALS_SECRET) is required"
                    + " in prod: the client secret of the web client's code flow");
        }
        requireLong(encryptionSecret, "quarkus.oidc.token-state-manager.encryption-secret",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "encrypts the session cookie");
        requireLong(stateSecret, "quarkus.oidc.authentication.state-secret", "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET",
                "protects the sign-in state cookie");
    }

    private static void requireLong(Optional<String> secret, String key, String env, String role) {
        if (secret.filter(s -> s.strip().length() >= MIN_SECRET_LENGTH).isEmpty()) {
            throw new IllegalStateException(key + " (env " + env + ") is required in prod, at least " + MIN_SECRET_LENGTH
                    + " characters and the same on every pod: it " + role);
        }
    }
}
