package dev.profileservice.security;

import jakarta.json.JsonString;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which claim tells an access token from an ID token. Both are signed by the same IdP and, with
 * Keycloak, an ID token issued to this client even carries this client as {@code aud}; only the
 * token type tells them apart. Checked on bearer tokens only: a code-flow session holds an ID
 * token by design. Keycloak: {@code typ=Bearer} (the default); Cognito: {@code token_use=access}.
 */
@ConfigMapping(prefix = "profile.security.access-token-type")
public interface AccessTokenType {

    /** Off only for IdPs whose tokens carry no type claim, such as dev mode's OIDC Dev Service. */
    @WithDefault("true")
    boolean enabled();

    /** The top-level claim naming the token type. */
    @WithDefault("typ")
    String claim();

    /** The value an access token carries in that claim, compared exactly. */
    @WithDefault("Bearer")
    String value();

    /** True when a token whose {@code claim} holds {@code actual} may be used as a bearer access token. */
    default boolean accepts(Object actual) {
        if (!enabled()) {
            return true;
        }
        String text = actual instanceof JsonString json ? json.getString() : actual instanceof String s ? s : null;
        return value().equals(text);
    }
}
