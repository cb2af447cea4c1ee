package dev.profileservice.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.ApiTest;
import dev.profileservice.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The browser session at the HTTP level: only /login redirects to the IdP, /api answers 401
 * problems, the session cookie's flags, the CSRF header, cross-origin refusal, and sign-out.
 */
@QuarkusTest
class SessionSecurityTest extends ApiTest {

    private static String ownOrigin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static RequestSpecification withSession(CodeFlowLogin login) {
        return given().redirects().follow(false).cookies(login.cookies).contentType(ContentType.JSON);
    }

    @Test
    void apiWithoutCredentialsIsA401ProblemNeverARedirect() {
        for (String path : new String[] { "/api/profile", "/api/profile/addresses", "/api/admin/profiles/x" }) {
            given().redirects().follow(false).get(path).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .header("Location", nullValue());
        }
    }

    @Test
    void signInRedirectsToTheIdpWithPkceStateAndNonce() {
        Response toIdp = new CodeFlowLogin().startSignIn();
        assertEquals(302, toIdp.statusCode());
        String location = toIdp.header("Location");
        assertTrue(location.contains("/protocol/openid-connect/auth?"), location);
        for (String parameter : new String[] { "code_challenge_method=S256", "code_challenge=", "state=", "nonce=",
                "client_id=profile-service", "redirect_uri=" }) {
            assertTrue(location.contains(parameter), parameter + " in " + location);
        }
        Cookie state = toIdp.detailedCookies().asList().stream().filter(c -> c.getName().startsWith("q_auth")).findFirst()
                .orElseThrow();
        assertTrue(state.isHttpOnly(), "state cookie HttpOnly");
        assertEquals("/", state.getPath());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndHoldsNoReadableToken() {
        CodeFlowLogin login = CodeFlowLogin.as("alice");
        Cookie session = login.lastResponse.detailedCookies().get("q_session");
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("/", session.getPath());
        assertEquals("lax", session.getSameSite().toLowerCase());
        assertFalse(session.isSecured(), "Secure only in prod: the tests speak plain http");
        assertEquals(5, session.getValue().split("\\.", -1).length, "the cookie holds an encrypted JWE, not a signed token");
        assertEquals(302, login.lastResponse.statusCode(), "the callback drops code and state from the address bar");
        assertEquals("/login", URI.create(login.lastResponse.header("Location")).getPath());
        assertEquals(303, login.home.statusCode(), "signed in, /login sends the user home");
        assertEquals("/", URI.create(login.home.header("Location")).getPath());
    }

    @Test
    void sessionRequestsNeedTheCsrfHeader() {
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        withSession(alice).get("/api/profile/addresses").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-Requested-With"));
        withSession(alice).body("{\"label\": \"x\", \"line1\": \"1 Forged St\", \"city\": \"Evil\", \"country\": \"GB\"}")
                .post("/api/profile/addresses").then().statusCode(403);
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void anApiPathSpelledAnotherWayStillNeedsTheCsrfHeader() {
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        // Each spelling must be refused or miss the API: never answered for the session without the header.
        for (String path : new String[] { "/api;x=1/profile/addresses", "/api/profile;x=1/addresses",
                "/api;/profile/addresses", "//api/profile/addresses", "/./api/profile/addresses",
                "/x/../api/profile/addresses", "/%61pi/profile/addresses", "/api%2Fprofile/addresses",
                "/api/./profile/addresses", "/api//profile/addresses" }) {
            int status = withSession(alice).urlEncodingEnabled(false).get(path).statusCode();
            assertTrue(status == 400 || status == 403 || status == 404, path + " answered " + status);
        }
        // A write without a Content-Type needs no CORS preflight: the path trick must not make it one.
        given().redirects().follow(false).cookies(alice.cookies).urlEncodingEnabled(false)
                .body("{\"label\": \"x\", \"line1\": \"1 Forged St\", \"city\": \"Evil\", \"country\": \"GB\"}")
                .post("/api;x=1/profile/addresses").then().statusCode(400).contentType("application/problem+json");
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile/addresses").then().statusCode(200)
                .body(not(containsString("Forged")));
    }

    @Test
    void signOutCannotBeReachedBesideItsGuard() {
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        withSession(alice).urlEncodingEnabled(false).get("/logout;x=1").then().statusCode(400)
                .contentType("application/problem+json");
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void crossOriginSessionRequestsAreRefusedEvenWithTheHeader() {
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        withSession(alice).header("X-Requested-With", "fetch").header("Origin", "http://127.0.0.1:1")
                .get("/api/profile/addresses").then().statusCode(403);
        withSession(alice).header("X-Requested-With", "fetch").header("Sec-Fetch-Site", "same-site")
                .get("/api/profile/addresses").then().statusCode(403);
        withSession(alice).header("X-Requested-With", "fetch").header("Sec-Fetch-Site", "same-origin")
                .get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void bearerRequestsNeedNoCsrfHeader() {
        as(Tokens.alice()).get("/api/profile/addresses").then().statusCode(200);
    }

    @Test
    void theSessionSpeaksForItsOwnerOnly() {
        as(Tokens.bob()).body("{\"displayName\": \"Bob B.\", \"email\": \"bob@example.org\"}").put("/api/profile")
                .then().statusCode(201);
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile").then().statusCode(404);
        withSession(alice).header("X-Requested-With", "fetch").body("{\"displayName\": \"Alice\"}").put("/api/profile")
                .then().statusCode(201).body("userId", equalTo(Tokens.ALICE));
        withSession(alice).header("X-Requested-With", "fetch").get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(403);
        CodeFlowLogin carol = CodeFlowLogin.as("carol");
        withSession(carol).header("X-Requested-With", "fetch").get("/api/admin/profiles/" + Tokens.BOB).then().statusCode(200)
                .body("email", equalTo("bob@example.org"));
    }

    @Test
    void signOutEndsTheSessionAndGoesToTheIdpWithoutAToken() {
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        Response out = alice.keepFrom(withSession(alice).header("Origin", ownOrigin()).post("/logout"));
        assertEquals(303, out.statusCode(), out.asString());
        String location = out.header("Location");
        assertTrue(location.contains("/protocol/openid-connect/logout?client_id=profile-service"), location);
        assertTrue(location.contains("post_logout_redirect_uri=" + java.net.URLEncoder.encode(ownOrigin() + "/signed-out.html", java.nio.charset.StandardCharsets.UTF_8)), location);
        assertFalse(location.contains("eyJ"), "no token in the redirect: " + location);
        assertEquals(null, alice.sessionCookie(), "the session cookie is removed");
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile").then().statusCode(401);
    }

    @Test
    void aSignOutWhoseSessionCannotBeReadStillExpiresTheSessionCookie() {
        // as when the tokens must be refreshed and the IdP is down: the session cannot be resolved, yet sign-out must
        // not leave a cookie behind that the next person at this browser could sign in with
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        String damaged = alice.sessionCookie().substring(0, alice.sessionCookie().length() - 8) + "AAAAAAAA";
        Response out = given().redirects().follow(false).cookie("q_session", damaged).header("Origin", ownOrigin())
                .post("/logout");
        assertEquals(303, out.statusCode(), out.asString());
        assertTrue(out.header("Location").endsWith("/signed-out.html"), out.header("Location"));
        Cookie expired = out.detailedCookies().get("q_session");
        assertNotNull(expired, "the session cookie is expired: " + out.headers());
        assertTrue(expired.getMaxAge() == 0 || expired.getValue().isEmpty(), expired.toString());
        assertEquals("/", expired.getPath());
        assertTrue(out.header("Clear-Site-Data") != null && out.header("Clear-Site-Data").contains("\"storage\""), out.headers().toString());
    }

    @Test
    void signOutIsASameOriginPost() {
        given().redirects().follow(false).get("/logout").then().statusCode(405).header("Allow", "POST");
        CodeFlowLogin alice = CodeFlowLogin.as("alice");
        withSession(alice).header("Origin", "http://127.0.0.1:1").post("/logout").then().statusCode(403);
        withSession(alice).header("X-Requested-With", "fetch").get("/api/profile/addresses").then().statusCode(200);
        given().redirects().follow(false).post("/logout").then().statusCode(303)
                .header("Location", equalTo(ownOrigin() + "/signed-out.html"));
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() {
        for (String path : new String[] { "/", "/api/profile", "/signed-out.html" }) {
            Response response = given().redirects().follow(false).get(path);
            String csp = response.header("Content-Security-Policy");
            assertNotNull(csp, path);
            for (String directive : new String[] { "default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self' http://127.0.0.1:" }) {
                assertTrue(csp.contains(directive), directive + " in " + csp);
            }
            response.then().header("Referrer-Policy", "no-referrer").header("Cross-Origin-Opener-Policy", "same-origin")
                    .header("Cache-Control", "no-store").header("Content-Security-Policy", not(containsString("unsafe")));
        }
    }
}
