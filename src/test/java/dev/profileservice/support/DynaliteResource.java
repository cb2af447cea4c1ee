package dev.profileservice.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs dynalite, the project's pinned local DynamoDB engine, on a free loopback port for the
 * duration of the tests. Its log goes to {@code target/dynalite-<port>.log}.
 */
public class DynaliteResource implements QuarkusTestResourceLifecycleManager {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    static final String PID_PROPERTY = "dynalite.test.pid";
    private static final Path KEEPALIVE = Path.of("src", "test", "resources", "dynalite-keepalive.js");

    private Process process;

    @Override
    public Map<String, String> start() {
        Path cli = Path.of("node_modules", "dynalite", "cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run 'npm ci' (the Maven build does it on a fresh clone)");
        }
        int port = freePort();
        Path log = Path.of("target", "dynalite-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            // Through a wrapper that survives a client aborting a request mid-body (see the script).
            process = new ProcessBuilder(List.of("node", KEEPALIVE.toString(), "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite (is node on the PATH?)", e);
        }
        awaitPort(port);
        // Fault tests pause and resume this very process; system properties cross class loaders.
        System.setProperty(PID_PROPERTY, Long.toString(process.pid()));
        return Map.of("quarkus.dynamodb.endpoint-override", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Freezes dynalite (SIGSTOP): connections hang as with a backend that is cut off; its data stays. */
    public static void pause() {
        signal("-STOP");
    }

    /** Lets a paused dynalite run again (SIGCONT). */
    public static void resume() {
        signal("-CONT");
    }

    private static void signal(String signal) {
        String pid = System.getProperty(PID_PROPERTY);
        if (pid == null) {
            throw new IllegalStateException("dynalite is not running");
        }
        try {
            int exit = new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + "; see target/");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + STARTUP);
    }
}
