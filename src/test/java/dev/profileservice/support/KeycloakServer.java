package dev.profileservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real Keycloak ({@code kc.sh start-dev} from Maven Central's {@code keycloak-quarkus-dist},
 * unpacked by the build into {@code keycloak.home}) on a free loopback port, with the realms of
 * {@code src/test/resources/keycloak} imported through its admin API.
 * <p>
 * One per test JVM, however many test classes, profiles and application restarts use it: its
 * coordinates live in system properties, which every class loader sees, and a shutdown hook stops
 * it when the JVM exits. A watchdog process stops it too should the JVM die without running hooks.
 * Keycloak's output, HTTP access log included, goes to {@code target/keycloak/keycloak.log}.
 */
public final class KeycloakServer {

    public static final Path LOG = Path.of("target", "keycloak", "keycloak.log");
    /** Marks the test Keycloak's JVM, so that .ci/run can find one left behind. */
    public static final String MARKER = "-Dprofile-service.test-keycloak=true";
    /** C1 only: a server that lives minutes needs no C2; halves Keycloak's start-up CPU (30 s to 15-19 s measured here). */
    static final String FAST_START = "-XX:TieredStopAtLevel=1";
    private static final String PREFIX = "profile-service.test-keycloak.";
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("keycloak.startup-seconds", 300));
    private static final Pattern REQUEST = Pattern.compile("\"[A-Z]+ /\\S* HTTP/[0-9.]+\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String clientSecret;
    private final String userPassword;

    private KeycloakServer(String url, String clientSecret, String userPassword) {
        this.url = url;
        this.clientSecret = clientSecret;
        this.userPassword = userPassword;
    }

    /** The running Keycloak of this JVM, started (and its start timed, in the log) on first use. */
    public static synchronized KeycloakServer get() {
        String url = System.getProperty(PREFIX + "url");
        if (url == null) {
            start();
            url = System.getProperty(PREFIX + "url");
        }
        return new KeycloakServer(url, System.getProperty(PREFIX + "client-secret"), System.getProperty(PREFIX + "user-password"));
    }

    public String url() {
        return url;
    }

    public String issuer(String realm) {
        return url + "/realms/" + realm;
    }

    /** The confidential client's secret in both realms; random per run. */
    public String clientSecret() {
        return clientSecret;
    }

    /** Every test user's password; random per run. */
    public String userPassword() {
        return userPassword;
    }

    /** Requests in Keycloak's HTTP access log so far, as {@code "METHOD /path HTTP/1.1"}. */
    public static List<String> accessLog() {
        try {
            return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().map(REQUEST::matcher).filter(Matcher::find)
                    .map(Matcher::group).collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token endpoint call: {@code grant_type} and the rest as given. Answers the JSON as a map. */
    public Map<String, Object> token(String realm, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(form))));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = io.vertx.core.json.Json.decodeValue(response.body(), Map.class);
        json.put("httpStatus", response.statusCode());
        return json;
    }

    private static void start() {
        Path home = Path.of(System.getProperty("keycloak.home",
                System.getProperty("user.home") + "/.cache/profile-service/keycloak-26.7.3"));
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException(kc + " is missing: the build unpacks Keycloak (./mvnw process-test-classes)");
        }
        int port = DynaliteResource.freePort();
        String url = "http://127.0.0.1:" + port;
        String adminPassword = random();
        long started = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(LOG.getParent());
            ProcessBuilder builder = new ProcessBuilder("setsid", kc.toString(), "start-dev", "--db=dev-mem",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url,
                    "--http-management-port=" + DynaliteResource.freePort(),
                    "--http-access-log-enabled=true", "--http-access-log-pattern=%h %t \"%r\" %s %b")
                    .redirectErrorStream(true).redirectOutput(LOG.toFile());
            builder.environment().put("JAVA_HOME", javaHome());
            builder.environment().put("JAVA_OPTS_APPEND", MARKER + " " + FAST_START);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Keycloak", e);
        }
        ProcessHandle handle = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(handle), "keycloak-stop"));
        watchdog(handle.pid());
        awaitReady(url, process);
        String clientSecret = random();
        String userPassword = random();
        importRealms(url, adminPassword, Map.of("${KC_CLIENT_SECRET}", clientSecret, "${KC_USER_PASSWORD}", userPassword));
        System.setProperty(PREFIX + "client-secret", clientSecret);
        System.setProperty(PREFIX + "user-password", userPassword);
        System.setProperty(PREFIX + "url", url);
        System.out.printf("Keycloak ready at %s in %d s (pid %d, log %s)%n", url,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), handle.pid(), LOG);
    }

    /** Keycloak needs Java 21 or newer: this JVM's when it is, else KEYCLOAK_JAVA_HOME or the Temurin 25 of this machine. */
    private static String javaHome() {
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        String home = Optional.ofNullable(System.getenv("KEYCLOAK_JAVA_HOME")).orElse("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (!Files.isExecutable(Path.of(home, "bin", "java"))) {
            throw new IllegalStateException("Keycloak needs Java 21+: set KEYCLOAK_JAVA_HOME (tried " + home + ")");
        }
        return home;
    }

    /** SIGTERM to kc.sh's process group (kc.sh and its JVM), then SIGKILL after 20 s. */
    private static void stop(ProcessHandle kc) {
        List<ProcessHandle> all = new ArrayList<>(kc.descendants().toList());
        all.add(kc);
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /** Stops Keycloak's process group should this JVM die without running its shutdown hooks; exits with Keycloak. */
    private static void watchdog(long kcPid) {
        String script = """
                while kill -0 %1$d 2>/dev/null && kill -0 %2$d 2>/dev/null; do sleep 2; done
                kill -0 %2$d 2>/dev/null || exit 0
                kill -TERM -- -%2$d
                for _ in $(seq 1 10); do sleep 2; kill -0 %2$d 2>/dev/null || exit 0; done
                kill -KILL -- -%2$d
                """.formatted(ProcessHandle.current().pid(), kcPid);
        try {
            new ProcessBuilder("setsid", "bash", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Keycloak watchdog", e);
        }
    }

    private static void awaitReady(String url, Process process) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + LOG);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/realms/master")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + STARTUP + "; see " + LOG);
    }

    private static void importRealms(String url, String adminPassword, Map<String, String> placeholders) {
        KeycloakServer master = new KeycloakServer(url, null, null);
        Object adminToken = master.token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", adminPassword)).get("access_token");
        for (String realm : new String[] { "profile-realm.json", "partner-realm.json" }) {
            String json = resource("keycloak/" + realm);
            for (var placeholder : placeholders.entrySet()) {
                json = json.replace(placeholder.getKey(), placeholder.getValue());
            }
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("importing " + realm + ": " + created.statusCode() + " " + created.body());
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not found on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
