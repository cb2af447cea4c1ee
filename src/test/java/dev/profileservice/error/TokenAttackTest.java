package dev.profileservice.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Forged, expired and mis-addressed tokens: each is a 401 problem with no detail, never a 200 or 500. */
@QuarkusTest
class TokenAttackTest extends ApiTest {

    @Test
    void validTokenIsAccepted() {
        as(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void noToken() {
        rejected(given().get("/api/profile/addresses"));
    }

    @Test
    void malformedTokens() {
        for (String token : new String[] { "garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "Bearer", "x".repeat(5000) }) {
            rejected(given().header("Authorization", "Bearer " + token).get("/api/profile/addresses"));
        }
        rejected(given().header("Authorization", "Basic YWxpY2U6YWxpY2U=").get("/api/profile/addresses"));
    }

    /** Shapes that made quarkus-oidc throw before any identity provider ran (a 500): each is a 401 problem. */
    @Test
    void credentialShapesThatBrokeTheOidcMechanism() {
        for (String token : new String[] { ".", "..", "...." }) {
            rejected(given().header("Authorization", "Bearer " + token).get("/api/profile/addresses"));
        }
        for (String chunk : new String[] { "q_session_chunk_x", "q_session_chunk_99999999999", "q_session_chunk_" }) {
            rejected(given().cookie(chunk, "1").header("X-Requested-With", "fetch").get("/api/profile/addresses"));
            int signIn = given().redirects().follow(false).cookie(chunk, "1").get("/login").statusCode();
            assertTrue(signIn < 500, chunk + " on /login: " + signIn);
        }
        for (String state : new String[] { "|", "||" }) {
            rejected(given().cookie("q_auth_s", state).queryParam("state", "s").get("/api/profile"));
            int callback = given().redirects().follow(false).cookie("q_auth_s", state).queryParam("state", "s").get("/login")
                    .statusCode();
            assertTrue(callback < 500, "state cookie " + state + " on /login: " + callback);
        }
    }

    @Test
    void badSignature() {
        String[] parts = Tokens.alice().split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(Tokens.ALICE, Tokens.BOB).getBytes(StandardCharsets.UTF_8));
        rejected(bearer(parts[0] + "." + forgedPayload + "." + parts[2]));
    }

    @Test
    void algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"sub\":\"" + Tokens.ALICE
                + "\",\"typ\":\"Bearer\",\"groups\":[\"admin\"],\"resource_access\":{\"" + Tokens.AUDIENCE
                + "\":{\"roles\":[\"admin\"]}},\"exp\":" + (Instant.now().getEpochSecond() + 300) + "}");
        rejected(bearer(header + "." + payload + "."));
        rejected(bearer(header + "." + payload));
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        byte[] publicJwk;
        try (var in = getClass().getClassLoader().getResourceAsStream("publicKey.jwk")) {
            publicJwk = in.readAllBytes();
        }
        String token = Tokens.clientRoles(Tokens.claims(Tokens.ALICE, "alice"), Set.of("admin")).jws()
                .algorithm(SignatureAlgorithm.HS256).keyId("1")
                .sign(new SecretKeySpec(publicJwk, "HmacSHA256"));
        rejected(bearer(token));
    }

    @Test
    void expiredToken() {
        long past = Instant.now().getEpochSecond() - 3600;
        rejected(bearer(Tokens.claims(Tokens.ALICE, "alice").issuedAt(past - 300).expiresAt(past).sign()));
    }

    @Test
    void notYetValidToken() {
        long future = Instant.now().getEpochSecond() + 3600;
        rejected(bearer(Tokens.claims(Tokens.ALICE, "alice").issuedAt(future).claim("nbf", future)
                .expiresAt(future + 300).sign()));
    }

    @Test
    void wrongIssuer() {
        rejected(bearer(Tokens.claims(Tokens.ALICE, "alice").issuer("https://evil.example.org/realms/profile").sign()));
    }

    @Test
    void wrongAudience() {
        rejected(bearer(Tokens.claims(Tokens.ALICE, "alice").audience("some-other-service").sign()));
    }

    @Test
    void audienceAsArrayContainingTheServiceIsAccepted() {
        String keycloakStyle = Tokens.claims(Tokens.ALICE, "alice").audience(Set.of("account", Tokens.AUDIENCE)).sign();
        bearer(keycloakStyle).then().statusCode(200);
    }

    @Test
    void missingSubject() {
        String token = Tokens.clientRoles(Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).preferredUserName("alice")
                .claim("typ", "Bearer"), Set.of("admin")).expiresIn(300).sign();
        rejected(bearer(token));
    }

    private static Response bearer(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/profile/addresses");
    }

    private static void rejected(Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer").body("detail", nullValue());
        ErrorShapeTest.assertProblemWithoutInternals(response);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
