package dev.profileservice.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar (target/quarkus-app) started as an operator starts it: system properties and environment
 * variables, a free HTTP port, output to a log file; {@link #start} returns once the management interface reports
 * it ready. For tests that stop and restart the service, which {@code @QuarkusIntegrationTest} cannot do.
 */
public final class PackagedJar implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private PackagedJar(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code properties} must name {@code quarkus.management.port} (as ProdConfigResource does). */
    public static PackagedJar start(Map<String, String> properties, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        int port = ProdConfigResource.freePort();
        Map<String, String> all = new HashMap<>(properties);
        all.put("quarkus.http.port", String.valueOf(port));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        all.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PackagedJar jar = new PackagedJar(builder.start(), port);
        int management = Integer.parseInt(all.get("quarkus.management.port"));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && jar.process.isAlive()) {
            try {
                if (given().port(management).get("/q/health/ready").statusCode() == 200) {
                    return jar;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        jar.close();
        throw new IllegalStateException("the jar did not become ready; see " + log);
    }

    public int port() {
        return port;
    }

    /** Asks it to stop as Kubernetes does (SIGTERM), without waiting. */
    public void terminate() {
        process.destroy();
    }

    /** True when it has exited within {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
