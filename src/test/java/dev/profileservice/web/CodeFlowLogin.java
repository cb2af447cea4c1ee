package dev.profileservice.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.profileservice.support.OidcCodeFlow;
import io.restassured.response.Response;

/**
 * Signs in through the code flow the way a browser does, one redirect at a time, against the
 * test IdP: /login, the IdP's form, back to /login with the code. Keeps the cookies it is given.
 */
final class CodeFlowLogin {

    private static final Pattern LOGIN_FIELD = Pattern.compile("name=\"login\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();
    Response lastResponse;
    Response home;

    static CodeFlowLogin as(String user) {
        CodeFlowLogin login = new CodeFlowLogin();
        login.signIn(user);
        return login;
    }

    /** The first hop: /login answers with a redirect to the IdP. */
    Response startSignIn() {
        Response toIdp = given().redirects().follow(false).get("/login");
        keep(toIdp);
        return toIdp;
    }

    void signIn(String user) {
        URI authorize = URI.create(startSignIn().header("Location"));
        Response form = given().redirects().follow(false).urlEncodingEnabled(false).get(authorize);
        Matcher login = LOGIN_FIELD.matcher(form.asString());
        assertEquals(true, login.find(), "the IdP shows its login form: " + form.asString());
        Response back = given().redirects().follow(false).formParam("login", login.group(1)).formParam("username", user)
                .formParam("password", OidcCodeFlow.password(user))
                .post(authorize.resolve("login-actions/authenticate"));
        assertEquals(302, back.statusCode(), back.asString());
        Response callback = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies)
                .get(URI.create(back.header("Location")));
        keep(callback);
        assertNotNull(sessionCookie(), "the callback starts a session: " + callback.statusCode() + " " + callback.headers());
        lastResponse = callback;
        home = given().redirects().follow(false).cookies(cookies).get(URI.create(callback.header("Location")));
    }

    String sessionCookie() {
        return cookies.get("q_session");
    }

    private void keep(Response response) {
        response.detailedCookies().forEach(cookie -> {
            if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }

    Response keepFrom(Response response) {
        keep(response);
        return response;
    }
}
