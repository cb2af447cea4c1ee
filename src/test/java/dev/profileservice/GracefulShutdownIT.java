package dev.profileservice;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
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
import dev.profileservice.support.ProdConfigResource;
import dev.profileservice.support.Tokens;
import io.restassured.http.ContentType;

/**
 * The packaged jar is stopped (SIGTERM, as Kubernetes does) while writes are in flight: they
 * are held in flight by freezing dynalite, which then resumes. Every write must be answered
 * and every acknowledged write must be in the table afterwards.
 */
class GracefulShutdownIT {

    private static final DynaliteResource DYNALITE = new DynaliteResource();
    private static final OidcServerResource OIDC = new OidcServerResource();
    private static Process service;
    private static int port;

    @BeforeAll
    static void startTheJar() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        port = freePort();
        Map<String, String> config = new java.util.HashMap<>();
        config.putAll(DYNALITE.start());
        config.putAll(OIDC.start());
        config.putAll(new ProdConfigResource().start());
        config.put("quarkus.http.port", String.valueOf(port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        config.forEach(System::setProperty);
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        service = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "graceful-shutdown-it.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().port(ProdConfigResource.managementPort()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the jar did not become ready; see target/graceful-shutdown-it.log");
    }

    @AfterAll
    static void stopEverything() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
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
            service.destroy();
            Thread.sleep(200);
            DynaliteResource.resume();
            for (Future<Integer> write : writes) {
                assertEquals(201, write.get(30, TimeUnit.SECONDS), "an in-flight write was cut off");
            }
            assertTrue(service.waitFor(30, TimeUnit.SECONDS), "the service did not stop");
        } finally {
            DynaliteResource.resume();
            pool.shutdownNow();
        }
        assertEquals(owners.size(), TableDump.profiles(System.getProperty("quarkus.dynamodb.endpoint-override"), owners));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
