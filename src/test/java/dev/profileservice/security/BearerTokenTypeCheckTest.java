package dev.profileservice.security;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.runtime.util.ExceptionUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * The type rule applies to bearer tokens only. An identity built by the code flow holds the ID
 * token (and the access token beside it) and must pass, or the web client could not sign in.
 */
class BearerTokenTypeCheckTest {

    private record Rule(boolean enabled, String claim, String value) implements AccessTokenType {
    }

    private final BearerTokenTypeCheck keycloak = new BearerTokenTypeCheck(new Rule(true, "typ", "Bearer"));

    @Test
    void bearerAccessTokenPasses() {
        SecurityIdentity bearer = identity("Bearer", new AccessTokenCredential("at"));
        assertSame(bearer, augment(keycloak, bearer));
    }

    @Test
    void bearerIdTokenOrUntypedTokenIsRefused() {
        for (String typ : new String[] { "ID", "Refresh", null }) {
            SecurityIdentity bearer = identity(typ, new AccessTokenCredential("at"));
            assertThrows(AuthenticationFailedException.class, () -> augment(keycloak, bearer));
        }
    }

    @Test
    void codeFlowSessionWithItsIdTokenPasses() {
        SecurityIdentity session = identity("ID", new IdTokenCredential("id"), new AccessTokenCredential("at"));
        assertSame(session, augment(keycloak, session));
    }

    @Test
    void otherClaimForOtherIdpsAndOffForDevMode() {
        var cognito = new BearerTokenTypeCheck(new Rule(true, "token_use", "access"));
        SecurityIdentity cognitoAccess = identityWith("token_use", "access", new AccessTokenCredential("at"));
        SecurityIdentity cognitoId = identityWith("token_use", "id", new AccessTokenCredential("at"));
        assertSame(cognitoAccess, augment(cognito, cognitoAccess));
        assertThrows(AuthenticationFailedException.class, () -> augment(cognito, cognitoId));
        SecurityIdentity devServiceToken = identity(null, new AccessTokenCredential("at"));
        assertSame(devServiceToken, augment(new BearerTokenTypeCheck(new Rule(false, "typ", "Bearer")), devServiceToken));
    }

    private static SecurityIdentity augment(BearerTokenTypeCheck check, SecurityIdentity identity) {
        try {
            return check.augment(identity, null).await().atMost(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            throw ExceptionUtil.getRootCause(e) instanceof AuthenticationFailedException afe ? afe : e;
        }
    }

    private static SecurityIdentity identity(String typ, io.quarkus.security.credential.Credential... credentials) {
        return identityWith("typ", typ, credentials);
    }

    private static SecurityIdentity identityWith(String claim, String value, io.quarkus.security.credential.Credential... credentials) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("3f1c9a52-alice-sub");
        if (value != null) {
            claims.setClaim(claim, value);
        }
        var builder = QuarkusSecurityIdentity.builder().setPrincipal(new OidcJwtCallerPrincipal(claims, null));
        for (var credential : credentials) {
            builder.addCredential(credential);
        }
        return builder.build();
    }
}
