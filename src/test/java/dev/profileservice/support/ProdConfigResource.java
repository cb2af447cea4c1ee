package dev.profileservice.support;

import java.security.GeneralSecurityException;
import java.util.Map;

import dev.profileservice.crypto.KeysetTool;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What an operator gives the packaged service in prod, for the integration tests of the jar:
 * a keyset (as from a Secret), the browser session's two secrets (the client secret comes with
 * {@link OidcServerResource}, the IdP's record of the client), static local credentials for
 * dynalite, and a loopback bind.
 * The table is created by the bootstrap here only because dynalite starts empty.
 */
public class ProdConfigResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            return Map.of(
                    "profile.crypto.keyset", KeysetTool.generate("aead"),
                    "profile.crypto.index-keyset", KeysetTool.generate("prf"),
                    "quarkus.oidc.token-state-manager.encryption-secret", OidcCodeFlow.randomSecret(),
                    "quarkus.oidc.authentication.state-secret", OidcCodeFlow.randomSecret(),
                    "profile.bootstrap.create-table", "true",
                    "quarkus.http.host", "127.0.0.1",
                    "quarkus.dynamodb.aws.region", "us-east-1",
                    "quarkus.dynamodb.aws.credentials.type", "static",
                    "quarkus.dynamodb.aws.credentials.static-provider.access-key-id", "local",
                    "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key", "local");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
