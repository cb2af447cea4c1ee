package dev.profileservice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.smallrye.jwt.build.Jwt;

/**
 * The authorization-code flow of the test IdP, as strict as a real one: a login form, codes
 * that work once, PKCE (S256) checked against the verifier, the client secret checked, redirect
 * URIs checked, and RP-initiated logout. Tokens are shaped like Keycloak's: the access token has
 * {@code typ: Bearer} and the roles in {@code resource_access/profile-service/roles} and in
 * {@code groups}; the ID token has {@code typ: ID}, the nonce and no roles.
 */
public class OidcCodeFlow implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "oidc-code-flow";

    /** The users of the login form: user name, then subject and client roles. Passwords are {@link #password(String)}. */
    public static final Map<String, Map.Entry<String, Set<String>>> USERS = Map.of(
            "alice", Map.entry(Tokens.ALICE, Set.of("user")),
            "bob", Map.entry(Tokens.BOB, Set.of("user")),
            "carol", Map.entry(Tokens.ADMIN, Set.of("user", "admin")));

    private static final Pattern REDIRECT_URI = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):\\d+/login");
    private static final Pattern POST_LOGOUT_URI = Pattern.compile("http://(127\\.0\\.0\\.1|localhost):\\d+/signed-out\\.html");

    private record Pending(String redirectUri, String state, String nonce, String challenge) {
    }

    private record Grant(Pending request, String user) {
    }

    private final String clientSecret;
    private final PrivateKey signingKey;
    private final Map<String, Pending> logins = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    OidcCodeFlow(String clientSecret) {
        this.clientSecret = clientSecret;
        this.signingKey = privateKey();
    }

    public static String password(String user) {
        return "pw-" + user;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().replaceFirst("\\?.*", "");
        log.add(request.getMethod() + " " + path.replaceFirst(".*/", ""));
        if (path.endsWith("/auth")) {
            return authorize(request);
        } else if (path.endsWith("/login-actions/authenticate")) {
            return authenticate(request);
        } else if (path.endsWith("/token")) {
            return token(request);
        } else if (path.endsWith("/logout")) {
            return endSession(request);
        }
        return json(200, "{\"calls\": [" + String.join(",", log.stream().map(s -> "\"" + s + "\"").toList()) + "]}");
    }

    private ResponseDefinition authorize(Request request) {
        String redirectUri = query(request, "redirect_uri");
        if (!"code".equals(query(request, "response_type")) || !Tokens.AUDIENCE.equals(query(request, "client_id"))
                || redirectUri == null || !REDIRECT_URI.matcher(redirectUri).matches()
                || !"S256".equals(query(request, "code_challenge_method")) || query(request, "code_challenge") == null
                || query(request, "state") == null || query(request, "nonce") == null
                || !String.valueOf(query(request, "scope")).contains("openid")) {
            return html(400, "<p id=\"error\">invalid authorization request</p>");
        }
        String login = random();
        logins.put(login, new Pending(redirectUri, query(request, "state"), query(request, "nonce"),
                query(request, "code_challenge")));
        return loginForm(login, "");
    }

    private ResponseDefinition authenticate(Request request) {
        String login = form(request, "login");
        Pending pending = login == null ? null : logins.get(login);
        if (pending == null) {
            return html(400, "<p id=\"error\">unknown or finished sign-in</p>");
        }
        String user = form(request, "username");
        if (user == null || !USERS.containsKey(user) || !password(user).equals(form(request, "password"))) {
            return loginForm(login, "<p id=\"input-error\">Invalid username or password.</p>");
        }
        logins.remove(login);
        String code = random();
        codes.put(code, new Grant(pending, user));
        return redirect(pending.redirectUri() + "?code=" + code + "&state=" + encode(pending.state()));
    }

    private ResponseDefinition token(Request request) {
        if (!clientAuthenticated(request)) {
            return json(401, "{\"error\": \"invalid_client\"}");
        }
        if ("refresh_token".equals(form(request, "grant_type"))) {
            String user = refreshTokens.remove(String.valueOf(form(request, "refresh_token")));
            return user == null ? json(400, "{\"error\": \"invalid_grant\"}") : tokens(user, null);
        }
        Grant grant = codes.remove(String.valueOf(form(request, "code")));
        if (!"authorization_code".equals(form(request, "grant_type")) || grant == null
                || !grant.request().redirectUri().equals(form(request, "redirect_uri"))
                || !grant.request().challenge().equals(s256(form(request, "code_verifier")))) {
            return json(400, "{\"error\": \"invalid_grant\"}");
        }
        return tokens(grant.user(), grant.request().nonce());
    }

    private ResponseDefinition endSession(Request request) {
        String target = query(request, "post_logout_redirect_uri");
        if (query(request, "id_token_hint") != null) {
            log.add("id_token_hint received");
        }
        if (!Tokens.AUDIENCE.equals(query(request, "client_id")) || target == null || !POST_LOGOUT_URI.matcher(target).matches()) {
            return html(400, "<p id=\"error\">invalid logout request</p>");
        }
        String state = query(request, "state");
        return redirect(target + (state == null ? "" : "?state=" + encode(state)));
    }

    private ResponseDefinition tokens(String user, String nonce) {
        var account = USERS.get(user);
        String sid = random();
        String access = Tokens.claims(account.getKey(), user)
                .audience(Set.of(Tokens.AUDIENCE, "account"))
                .claim("typ", "Bearer").claim("azp", Tokens.AUDIENCE).claim("sid", sid).claim("scope", "openid profile email")
                .claim("resource_access", Map.of(Tokens.AUDIENCE, Map.of("roles", account.getValue())))
                .claim("realm_access", Map.of("roles", List.of("offline_access", "default-roles-profile")))
                .groups(account.getValue())
                .jws().keyId("1").sign(signingKey);
        var id = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(account.getKey()).preferredUserName(user)
                .claim("typ", "ID").claim("azp", Tokens.AUDIENCE).claim("sid", sid).expiresIn(300);
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        String refresh = "rt-" + random();
        refreshTokens.put(refresh, user);
        return json(200, "{\"access_token\": \"%s\", \"id_token\": \"%s\", \"refresh_token\": \"%s\", \"token_type\": \"Bearer\", \"expires_in\": 300}"
                .formatted(access, id.jws().keyId("1").sign(signingKey), refresh));
    }

    private boolean clientAuthenticated(Request request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (Tokens.AUDIENCE + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return expected.equals(request.getHeader("Authorization"))
                || Tokens.AUDIENCE.equals(form(request, "client_id")) && clientSecret.equals(form(request, "client_secret"));
    }

    private static ResponseDefinition loginForm(String login, String error) {
        return html(200, """
                <h1>Sign in to profile (test IdP)</h1>%s
                <form method="post" action="login-actions/authenticate">
                  <input type="hidden" name="login" value="%s">
                  <label>Username <input id="username" name="username" autocomplete="username"></label>
                  <label>Password <input id="password" name="password" type="password"></label>
                  <button id="kc-login" type="submit">Sign in</button>
                </form>
                <p>Users: alice, bob (user), carol (admin); password: pw-&lt;username&gt;.</p>
                """.formatted(error, login));
    }

    static String s256(String verifier) {
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Request request, String name) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() && parameter.values().size() == 1 ? parameter.firstValue() : null;
    }

    private static String form(Request request, String name) {
        var parameter = request.formParameters().get(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ResponseDefinition redirect(String location) {
        return aResponse().withStatus(302).withHeader("Location", location).withHeader("Cache-Control", "no-store").build();
    }

    private static ResponseDefinition html(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test IdP</title></head><body>"
                        + body + "</body></html>")
                .build();
    }

    private static ResponseDefinition json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
    }

    private static PrivateKey privateKey() {
        try (InputStream in = OidcCodeFlow.class.getClassLoader().getResourceAsStream("privateKey.jwk")) {
            var jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return jwk.getRsaPrivateKey();
        } catch (IOException | JoseException | NullPointerException e) {
            throw new IllegalStateException("privateKey.jwk of quarkus-test-oidc-server is not readable", e);
        }
    }

    static String randomSecret() {
        return UUID.randomUUID() + "-" + random();
    }
}
