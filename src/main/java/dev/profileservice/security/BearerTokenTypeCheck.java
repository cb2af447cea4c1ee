package dev.profileservice.security;

import java.security.Principal;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a bearer token that is not an access token (an ID token, say) with a 401. Quarkus'
 * {@code quarkus.oidc.token.required-claims} would also apply to the ID token of a code-flow
 * sign-in (in hybrid mode), so the rule lives here and skips identities that hold an ID token:
 * those come from a session cookie the service itself issued after the code flow.
 */
@Singleton
public class BearerTokenTypeCheck implements SecurityIdentityAugmentor {

    private final AccessTokenType type;

    BearerTokenTypeCheck(AccessTokenType type) {
        this.type = type;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) != null
                || identity.getCredential(AccessTokenCredential.class) == null) {
            return Uni.createFrom().item(identity);
        }
        Object actual = claim(identity.getPrincipal(), type.claim());
        if (type.accepts(actual)) {
            return Uni.createFrom().item(identity);
        }
        Log.debugf("Bearer token refused: claim %s is not the access-token type", type.claim());
        return Uni.createFrom().failure(new AuthenticationFailedException("not an access token"));
    }

    /**
     * The claim's value, read from quarkus-oidc's claim set where there is one: smallrye-jwt's
     * {@code getClaim} first looks the name up as a standard-claim enum constant, and for a name that
     * is none ({@code typ}, {@code token_use}) it pays for an exception on every request.
     */
    static Object claim(Principal principal, String name) {
        if (principal instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return principal instanceof JsonWebToken jwt ? jwt.getClaim(name) : null;
    }
}
