package dev.profileservice.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.KeycloakProfile;
import dev.profileservice.support.KeycloakServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;

/**
 * Tokens from a real Keycloak (issue 16): its access tokens work; its ID token, an expired or
 * another realm's token do not; the service never calls its introspection endpoint; data is keyed
 * by Keycloak's UUID {@code sub}, never the user name.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class KeycloakTokensTest extends ApiTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final KeycloakServer keycloak = KeycloakServer.get();

    @Test
    void passwordGrantAccessTokenWorks() {
        String token = login("profile", "alice").get("access_token").toString();
        deletePartition(claims(token).getString("sub"));
        as(token).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(token).get("/api/profile").then().statusCode(200);
    }

    @Test
    void idTokenOfTheSameLoginIsRefused() {
        Map<String, Object> login = login("profile", "carol");
        String idToken = login.get("id_token").toString();
        JsonObject claims = claims(idToken);
        assertEquals("ID", claims.getString("typ"));
        assertEquals("profile-service", claims.getValue("aud"), "Keycloak addresses the ID token to the client");
        rejected(given().auth().oauth2(idToken).get("/api/profile"));
        rejected(given().auth().oauth2(idToken).get("/api/admin/profiles/" + claims.getString("sub")));
        as(login.get("access_token").toString()).get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void expiredAndRefreshedAwayTokensAreRefused() throws InterruptedException {
        // profile-cli's access tokens live 5 s; refresh tokens rotate and work once.
        Map<String, Object> first = keycloak.token("profile", Map.of("grant_type", "password", "client_id", "profile-cli",
                "username", "bob", "password", keycloak.userPassword()));
        String oldAccess = first.get("access_token").toString();
        as(oldAccess).get("/api/profile/addresses").then().statusCode(200);

        Map<String, Object> refreshed = refresh(first.get("refresh_token").toString());
        assertEquals(200, refreshed.get("httpStatus"), refreshed::toString);
        Map<String, Object> replay = refresh(first.get("refresh_token").toString());
        assertEquals(400, replay.get("httpStatus"), "a rotated-away refresh token is refused by Keycloak: " + replay);
        String newAccess = refreshed.get("access_token").toString();
        assertNotEquals(oldAccess, newAccess);
        as(newAccess).get("/api/profile/addresses").then().statusCode(200);

        long waitMillis = claims(oldAccess).getLong("exp") * 1000 - System.currentTimeMillis() + 1500;
        Thread.sleep(Math.max(0, waitMillis));
        rejected(given().auth().oauth2(oldAccess).get("/api/profile/addresses"));
        long newExpiresIn = claims(newAccess).getLong("exp") * 1000 - System.currentTimeMillis() + 1500;
        Thread.sleep(Math.max(0, newExpiresIn));
        rejected(given().auth().oauth2(newAccess).get("/api/profile/addresses"));
    }

    @Test
    void tokenOfAnotherRealmsClientIsRefused() {
        // Realm "partner" has a client named profile-service too, an audience mapper and a client role admin.
        String foreign = keycloak.token("partner", Map.of("grant_type", "password", "client_id", "profile-service",
                "client_secret", keycloak.clientSecret(), "username", "mallory", "password", keycloak.userPassword()))
                .get("access_token").toString();
        JsonObject claims = claims(foreign);
        assertEquals("profile-service", claims.getValue("aud"));
        assertEquals(List.of("admin"), claims.getJsonObject("resource_access").getJsonObject("profile-service")
                .getJsonArray("roles").getList());
        rejected(given().auth().oauth2(foreign).get("/api/profile"));
        rejected(given().auth().oauth2(foreign).get("/api/admin/profiles/" + claims.getString("sub")));
    }

    @Test
    void noRequestEverReachesKeycloaksIntrospectionEndpoint() throws Exception {
        String discovery = given().get(keycloak.issuer("profile") + "/.well-known/openid-configuration").asString();
        assertTrue(discovery.contains("\"introspection_endpoint\""), "Keycloak advertises introspection");
        var stranger = KeyPairGenerator.getInstance("RSA").genKeyPair();
        String unknownKid = Jwt.issuer(keycloak.issuer("profile")).audience("profile-service").subject("x")
                .claim("typ", "Bearer").expiresIn(60).jws().keyId("not-a-keycloak-kid").sign(stranger.getPrivate());
        String partner = keycloak.token("partner", Map.of("grant_type", "password", "client_id", "profile-service",
                "client_secret", keycloak.clientSecret(), "username", "mallory", "password", keycloak.userPassword()))
                .get("access_token").toString();
        for (String token : new String[] { "opaque-token", "x", "a.b.c", unknownKid, partner }) {
            rejected(given().auth().oauth2(token).get("/api/profile"));
        }
        String alice = login("profile", "alice").get("access_token").toString();
        as(alice).get("/api/profile/addresses").then().statusCode(200);

        List<String> log = KeycloakServer.accessLog();
        assertTrue(log.stream().anyMatch(r -> r.contains("POST /realms/profile/protocol/openid-connect/token ")),
                "the access log records requests: " + log.size() + " lines");
        assertTrue(log.stream().anyMatch(r -> r.contains("GET /realms/profile/protocol/openid-connect/certs ")),
                "the service fetched Keycloak's keys");
        assertTrue(log.stream().noneMatch(r -> r.contains("introspect")), () -> "introspection was called: " + log);
    }

    @Test
    void dataIsKeyedByKeycloaksUuidSubNeverTheUserName() {
        String token = login("profile", "alice").get("access_token").toString();
        JsonObject claims = claims(token);
        String sub = claims.getString("sub");
        assertTrue(sub.matches(UUID), sub);
        assertEquals("alice", claims.getString("preferred_username"));
        deletePartition(sub);
        as(token).body(fullProfileJson()).put("/api/profile").then().statusCode(201);
        as(token).get("/api/profile").then().statusCode(200)
                .body("userId", org.hamcrest.Matchers.equalTo(sub));
        assertFalse(rawItem(sub, "PROFILE").isEmpty());
        for (String name : Set.of("alice", "alice@example.org", "Alice Anders")) {
            assertTrue(rawPartition(name).isEmpty(), "data keyed by " + name);
        }
    }

    private Map<String, Object> login(String realm, String user) {
        Map<String, Object> response = keycloak.token(realm, Map.of("grant_type", "password", "client_id", "profile-service",
                "client_secret", keycloak.clientSecret(), "username", user, "password", keycloak.userPassword(),
                "scope", "openid"));
        assertEquals(200, response.get("httpStatus"), response::toString);
        return response;
    }

    private Map<String, Object> refresh(String refreshToken) {
        return keycloak.token("profile", Map.of("grant_type", "refresh_token", "client_id", "profile-cli",
                "refresh_token", refreshToken));
    }

    static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static void rejected(Response response) {
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
    }
}
