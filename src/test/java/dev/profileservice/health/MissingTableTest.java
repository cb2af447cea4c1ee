package dev.profileservice.health;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.profileservice.support.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** As in prod: the service does not create tables, so a missing table means not ready. */
@QuarkusTest
@TestProfile(MissingTableTest.NoBootstrap.class)
class MissingTableTest {

    public static class NoBootstrap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("profile.table", "NoSuchTable", "profile.bootstrap.create-table", "false");
        }
    }

    @Test
    void readinessIsDownAndNamesNothingWhenTheTableIsMissing() {
        Management.given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(not(containsString("NoSuchTable")))
                .body(not(containsString("ResourceNotFound")));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
