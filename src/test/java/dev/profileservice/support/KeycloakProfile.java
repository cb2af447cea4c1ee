package dev.profileservice.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service against a real Keycloak instead of the WireMock IdP: {@code @TestProfile(KeycloakProfile.class)}.
 * Quarkus groups test classes by profile, so the application starts once for all of them, and
 * Keycloak once per JVM in any case.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DynaliteResource.class), new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    /** Keycloak's start loads the machine just as the application boots: give the table bootstrap time. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.dynamodb.api-call-timeout", "10S", "quarkus.dynamodb.api-call-attempt-timeout", "5S");
    }

    @Override
    public String getConfigProfile() {
        return "test,keycloak";
    }
}
