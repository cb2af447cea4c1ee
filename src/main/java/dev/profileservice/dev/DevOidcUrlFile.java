package dev.profileservice.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: the OIDC Dev Services server listens on a new random port at every start.
 * Its URL is written to {@code target/dev-oidc-url} so that {@code bin/token} can get tokens.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DevOidcUrlFile {

    static final Path FILE = Path.of("target", "dev-oidc-url");

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    void onStart(@Observes StartupEvent event) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, authServerUrl + "\n");
            Log.infof("Dev OIDC server: %s (bin/token alice prints a token)", authServerUrl);
        } catch (IOException e) {
            Log.warnf("Cannot write %s: %s", FILE, e.getMessage());
        }
    }
}
