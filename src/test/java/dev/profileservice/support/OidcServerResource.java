package dev.profileservice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OIDC provider for tests: discovery and JWKS served on a loopback port, with the signing
 * key pair that ships in {@code quarkus-test-oidc-server}. The service validates every token
 * through this JWKS, exactly as it would against a real provider. ({@code OidcWiremockTestResource}
 * itself listens on every interface, which this project does not allow.) The browser app's
 * authorization-code flow, login form and end-session endpoint are {@link OidcCodeFlow}; its
 * calls are listed at {@value #CALLS_PATH} for tests to inspect.
 * <p>
 * Like Keycloak, it advertises an introspection endpoint, which says yes to every token with an
 * admin role; the service must never call it ({@link #INTROSPECTION_PATH}, counted through
 * WireMock's admin API at {@code /__admin/requests/count}).
 */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/profile";
    public static final String CALLS_PATH = REALM_PATH + "/test/calls";
    public static final String INTROSPECTION_PATH = REALM_PATH + "/protocol/openid-connect/token/introspect";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        String clientSecret = OidcCodeFlow.randomSecret();
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new OidcCodeFlow(clientSecret)));
        server.start();
        String base = "http://127.0.0.1:" + server.port() + REALM_PATH;
        String endpoints = base + "/protocol/openid-connect";
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer": "%s", "jwks_uri": "%s/certs",
                         "authorization_endpoint": "%s/auth", "token_endpoint": "%s/token",
                         "end_session_endpoint": "%s/logout", "introspection_endpoint": "%s/token/introspect",
                         "response_types_supported": ["code"], "code_challenge_methods_supported": ["S256"],
                         "id_token_signing_alg_values_supported": ["RS256"]}
                        """.formatted(Tokens.ISSUER, endpoints, endpoints, endpoints, endpoints, endpoints))));
        server.stubFor(post(urlEqualTo(INTROSPECTION_PATH)).willReturn(json("""
                {"active": true, "iss": "%s", "aud": "%s", "sub": "%s", "username": "intruder",
                 "typ": "Bearer", "scope": "admin", "resource_access": {"%s": {"roles": ["admin"]}}}
                """.formatted(Tokens.ISSUER, Tokens.AUDIENCE, Tokens.ADMIN, Tokens.AUDIENCE))));
        server.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(json("{\"keys\": [" + resource("publicKey.jwk") + "]}")));
        server.stubFor(any(urlPathMatching(REALM_PATH + "/protocol/openid-connect/(auth|login-actions/authenticate|token|logout)"))
                .willReturn(aResponse().withTransformers(OidcCodeFlow.NAME)));
        server.stubFor(get(urlEqualTo(CALLS_PATH)).willReturn(aResponse().withTransformers(OidcCodeFlow.NAME)));
        return Map.of(
                "quarkus.oidc.auth-server-url", base,
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
                "quarkus.oidc.credentials.secret", clientSecret,
                "smallrye.jwt.sign.key.location", "privateKey.jwk");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = OidcServerResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not found: quarkus-test-oidc-server must be on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
