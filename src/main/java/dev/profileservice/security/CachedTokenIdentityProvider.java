package dev.profileservice.security;

import jakarta.inject.Singleton;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Asked before quarkus-oidc's provider: answers a bearer token it has seen verified (and still
 * valid) from {@link VerifiedTokenCache}; for any other token it answers nothing, so that
 * quarkus-oidc verifies it in full. {@link VerifiedTokenRecorder} fills the cache.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokenCache cache;

    CachedTokenIdentityProvider(VerifiedTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token) || token.isOpaque()) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(cache.get(token.getToken(), HttpSecurityUtils.getRoutingContextAttribute(request), context));
    }
}
