package dev.profileservice.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The verified-token cache in the running service: a cached token still dies at its exp, and no
 * token that differs from a cached one in any part, forged signature or altered claims, is
 * served from it.
 */
@QuarkusTest
class TokenCacheTest extends ApiTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void aCachedTokenIsRejectedOnceExpired() throws InterruptedException {
        long exp = Instant.now().getEpochSecond() + 3;
        String token = Tokens.claims(Tokens.ALICE, "alice").groups(Set.of("user")).expiresAt(exp).sign();
        long before = cache.size();
        bearer(token).then().statusCode(200);
        assertEquals(before + 1, cache.size(), "verified and kept");
        bearer(token).then().statusCode(200);
        while (Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(200);
        }
        bearer(token).then().statusCode(401);
    }

    @Test
    void aForgedTokenIsNeverServedFromTheCache() {
        String token = Tokens.claims(Tokens.ALICE, "alice").groups(Set.of("user")).expiresIn(300).sign();
        bearer(token).then().statusCode(200);
        bearer(token).then().statusCode(200);
        String[] parts = token.split("\\.");
        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        bearer(parts[0] + "." + parts[1] + "." + new String(signature)).then().statusCode(401);
        String asBob = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(Tokens.ALICE, Tokens.BOB).getBytes(StandardCharsets.UTF_8));
        bearer(parts[0] + "." + asBob + "." + parts[2]).then().statusCode(401);
        bearer(parts[0] + "." + parts[1] + ".").then().statusCode(401);
        bearer(token).then().statusCode(200);
    }

    @Test
    void anIdTokenIsRefusedEveryTimeAndNeverKept() {
        // quarkus-oidc verifies it (same issuer, audience and key); the access-token type check refuses it, and a
        // token that is refused on every request takes no slot of the cache
        String idToken = Tokens.claims(Tokens.ALICE, "alice").claim("typ", "ID").groups(Set.of("user")).sign();
        long before = cache.size();
        bearer(idToken).then().statusCode(401);
        bearer(idToken).then().statusCode(401);
        assertEquals(before, cache.size(), "an ID token is not kept");
    }

    @Test
    void aRejectedTokenIsNotKept() {
        long before = cache.size();
        String wrongAudience = Tokens.claims(Tokens.ALICE, "alice").audience("some-other-service").sign();
        bearer(wrongAudience).then().statusCode(401);
        bearer(wrongAudience).then().statusCode(401);
        assertEquals(before, cache.size());
    }

    private static Response bearer(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/profile/addresses");
    }
}
