package dev.profileservice.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
 * itself listens on every interface, which this project does not allow.)
 * <p>
 * Like Keycloak, it advertises an introspection endpoint, which says yes to every token with an
 * admin role; the service must never call it ({@link #INTROSPECTION_PATH}, counted through
 * WireMock's admin API at {@code /__admin/requests/count}).
 */
public class OidcServerResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/profile";
    public static final String INTROSPECTION_PATH = REALM_PATH + "/protocol/openid-connect/token/introspect";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String base = "http://127.0.0.1:" + server.port() + REALM_PATH;
        server.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                         "token_endpoint": "%s/protocol/openid-connect/token",
                         "introspection_endpoint": "%s/protocol/openid-connect/token/introspect",
                         "id_token_signing_alg_values_supported": ["RS256"]}
                        """.formatted(Tokens.ISSUER, base, base, base))));
        server.stubFor(post(urlEqualTo(INTROSPECTION_PATH)).willReturn(json("""
                {"active": true, "iss": "%s", "aud": "%s", "sub": "%s", "username": "intruder",
                 "typ": "Bearer", "scope": "admin", "resource_access": {"%s": {"roles": ["admin"]}}}
                """.formatted(Tokens.ISSUER, Tokens.AUDIENCE, Tokens.ADMIN, Tokens.AUDIENCE))));
        server.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(json("{\"keys\": [" + resource("publicKey.jwk") + "]}")));
        return Map.of(
                "quarkus.oidc.auth-server-url", base,
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
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
