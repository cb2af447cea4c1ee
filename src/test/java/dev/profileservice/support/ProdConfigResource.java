package dev.profileservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;

import dev.profileservice.crypto.KeysetTool;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What an operator gives the packaged service in prod, for the integration tests of the jar:
 * a keyset (as from a Secret), the browser session's two secrets (the client secret comes with
 * {@link OidcServerResource}, the IdP's record of the client), static local credentials for
 * dynalite, and a loopback bind.
 * The table is created by the bootstrap here only because dynalite starts empty. The jar
 * launcher sets only the HTTP port, so the management interface gets a free loopback port
 * here instead of its fixed 9000, which another build on the machine may hold.
 */
public class ProdConfigResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int managementPort;

    /** The management port of the jar this resource configured last. */
    public static int managementPort() {
        return managementPort;
    }

    @Override
    public Map<String, String> start() {
        managementPort = freePort();
        try {
            Map<String, String> config = new HashMap<>(Map.of(
                    "profile.crypto.keyset", KeysetTool.generate("aead"),
                    "profile.crypto.index-keyset", KeysetTool.generate("prf"),
                    "quarkus.oidc.token-state-manager.encryption-secret", OidcCodeFlow.randomSecret(),
                    "quarkus.oidc.authentication.state-secret", OidcCodeFlow.randomSecret(),
                    "profile.bootstrap.create-table", "true",
                    "quarkus.http.host", "127.0.0.1",
                    "quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local"));
            config.put("quarkus.management.host", "127.0.0.1");
            config.put("quarkus.management.port", String.valueOf(managementPort));
            return config;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    /** A free loopback port, for a server a test starts itself. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
