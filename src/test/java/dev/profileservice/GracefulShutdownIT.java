package dev.profileservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.profileservice.support.DynaliteResource;
import dev.profileservice.support.OidcServerResource;
import dev.profileservice.support.PackagedJar;
import dev.profileservice.support.ProdConfigResource;
import dev.profileservice.support.Tokens;
import io.restassured.http.ContentType;

/**
 * The packaged jar is stopped (SIGTERM, as Kubernetes does) while writes are in flight: they
 * are held in flight by freezing dynalite, which then resumes. During the shutdown delay the pod
 * is not ready but still answers; every write must be answered and every acknowledged write must
 * be in the table afterwards.
 */
class GracefulShutdownIT {

    private static final DynaliteResource DYNALITE = new DynaliteResource();
    private static final OidcServerResource OIDC = new OidcServerResource();
    private static PackagedJar service;
    private static int port;

    @BeforeAll
    static void startTheJar() throws Exception {
        Map<String, String> config = new java.util.HashMap<>();
        config.putAll(DYNALITE.start());
        config.putAll(OIDC.start());
        config.putAll(new ProdConfigResource().start());
        config.forEach(System::setProperty);
        service = PackagedJar.start(config, Map.of(), Path.of("target", "graceful-shutdown-it.log"));
        port = service.port();
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
        DynaliteResource.resume();
        OIDC.stop();
        DYNALITE.stop();
    }

    @Test
    void writesInFlightAtSigtermAreAnsweredAndKept() throws Exception {
        List<String> owners = List.of("shutdown-a", "shutdown-b", "shutdown-c", "shutdown-d");
        ExecutorService pool = Executors.newFixedThreadPool(owners.size());
        try {
            DynaliteResource.pause();
            List<Future<Integer>> writes = new ArrayList<>();
            for (String owner : owners) {
                String token = Tokens.user(owner, owner, Set.of("user"));
                writes.add(pool.submit(() -> given().port(port).auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"displayName\": \"" + owner + "\"}").put("/api/profile").statusCode()));
            }
            Thread.sleep(300);
            service.terminate();
            Thread.sleep(200);
            DynaliteResource.resume();
            // the shutdown delay: out of the ingress's endpoints (readiness DOWN), yet still answering new requests
            given().port(ProdConfigResource.managementPort()).get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Graceful Shutdown' }.status", equalTo("DOWN"));
            given().port(port).get("/api/profile").then().statusCode(401).contentType("application/problem+json");
            for (Future<Integer> write : writes) {
                assertEquals(201, write.get(30, TimeUnit.SECONDS), "an in-flight write was cut off");
            }
            assertTrue(service.awaitExit(Duration.ofSeconds(30)), "the service did not stop");
        } finally {
            DynaliteResource.resume();
            pool.shutdownNow();
        }
        assertEquals(owners.size(), TableDump.profiles(System.getProperty("quarkus.dynamodb.endpoint-override"), owners));
    }
}
