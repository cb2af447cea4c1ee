package dev.profileservice.security;

import java.util.Map;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Runs first on every identity an identity provider has just produced, and records those that
 * quarkus-oidc made from a bearer access token: they exist only once the token passed
 * verification and carry the access-token type. Identities answered from the cache are not recorded again.
 * Changes nothing.
 */
@Singleton
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokenCache cache;
    private final AccessTokenType type;

    VerifiedTokenRecorder(VerifiedTokenCache cache, AccessTokenType type) {
        this.cache = cache;
        this.type = type;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (identity instanceof QuarkusSecurityIdentity verified && !identity.isAnonymous() && token != null
                && !token.isOpaque() && identity.getAttribute(VerifiedTokenCache.FROM_CACHE) == null
                && identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE) != null
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && token.getToken().equals(jwt.getRawToken()) && jwt.getExpirationTime() > 0
                // BearerTokenTypeCheck refuses the others (an ID token, say) on every request: not worth a slot
                && type.accepts(BearerTokenTypeCheck.claim(jwt, type.claim()))) {
            cache.put(token.getToken(), verified, jwt.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }
}
