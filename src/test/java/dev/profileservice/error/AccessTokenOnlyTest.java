package dev.profileservice.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.OidcServerResource;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Only signed JWT access tokens get in (issue 11, item 1). The test IdP advertises an
 * introspection endpoint that would vouch for any token as an admin; the service never calls it.
 * An ID token of this client, signed and addressed to it, is still not an access token.
 */
@QuarkusTest
class AccessTokenOnlyTest extends ApiTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    @Test
    void opaqueUnknownKidAndGarbageTokensAre401sAndNeverReachIntrospection() throws Exception {
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").genKeyPair();
        List<String> tokens = new ArrayList<>(List.of(
                "x", "opaque-access-token", "2YotnFZFEjr1zCsicMWpAA", "Zm9vYmFyYmF6", "a.b", "a.b.c", "a.b.c.d.e",
                "eyJhbGciOiJSUzI1NiJ9..", "x".repeat(5000), "%00", "Bearer"));
        // Signed correctly in every other respect, by a key the IdP never published.
        tokens.add(admin().jws().keyId("kid-the-idp-never-published").sign(stranger.getPrivate()));
        tokens.add(admin().jws().keyId("1").sign(stranger.getPrivate()));
        tokens.add(admin().sign(stranger.getPrivate()));
        for (String token : tokens) {
            for (String path : new String[] { "/api/profile", "/api/admin/profiles/" + Tokens.BOB }) {
                rejected(given().header("Authorization", "Bearer " + token).get(path));
            }
        }
        assertEquals(0, introspectionCalls(), "the service called the IdP's introspection endpoint");
        // The counter itself works: one call made here is counted.
        given().formParam("token", "x").post(wireMockBase() + OidcServerResource.INTROSPECTION_PATH).then().statusCode(200);
        assertEquals(1, introspectionCalls());
    }

    @Test
    void idTokenOfThisClientIsNotAnAccessToken() {
        // What Keycloak issues as the ID token of a login to this client: aud = client id, typ = ID.
        String idToken = Tokens.clientRoles(Tokens.claims(Tokens.ALICE, "alice"), Set.of("user", "admin"))
                .claim("typ", "ID").claim("azp", Tokens.AUDIENCE).claim("nonce", "n-0S6_WzA2Mj")
                .claim("at_hash", "77QmUPtjPfzWtF2AnpK9RQ").sign();
        rejected(given().auth().oauth2(idToken).get("/api/profile"));
        rejected(given().auth().oauth2(idToken).get("/api/admin/profiles/" + Tokens.BOB));
        // The same claims with typ Bearer are accepted, so the type is what is refused.
        given().auth().oauth2(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void tokenWithoutTypeOrWithAnotherTypeIsRefused() {
        String noType = Tokens.clientRoles(Tokens.claims(Tokens.ALICE, "alice"), Set.of("user")).remove("typ").sign();
        for (String token : new String[] { noType, withType("Refresh"), withType("Logout"), withType("bearer"),
                withType("Bearer ") }) {
            rejected(given().auth().oauth2(token).get("/api/profile/addresses"));
        }
    }

    private static String withType(String type) {
        return Tokens.claims(Tokens.ALICE, "alice").claim("typ", type).sign();
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder admin() {
        return Tokens.clientRoles(Tokens.claims(Tokens.ADMIN, "carol"), Set.of("user", "admin"));
    }

    private String wireMockBase() {
        return authServerUrl.substring(0, authServerUrl.indexOf(OidcServerResource.REALM_PATH));
    }

    private int introspectionCalls() {
        return given().body("{\"method\": \"POST\", \"url\": \"" + OidcServerResource.INTROSPECTION_PATH + "\"}")
                .post(wireMockBase() + "/__admin/requests/count").then().statusCode(200).extract().path("count");
    }

    private static void rejected(Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer").body("detail", nullValue());
        ErrorShapeTest.assertProblemWithoutInternals(response);
    }
}
