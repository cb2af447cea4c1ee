package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images run as a non-root user and contain only build output: the runtime stage copies
 * target/quarkus-app/ or the native runner, the native builder stage copies only what the
 * Maven build reads, and .dockerignore keeps everything else (secrets above all) out of the
 * build context in the first place.
 */
class DockerfileTest {

    private static final Set<String> BUILDER_SOURCES = Set.of("pom.xml", "mvnw", ".mvn", "src", "package.json", "package-lock.json");

    record Instruction(String keyword, String arguments) {
        List<String> words() {
            return Arrays.stream(arguments.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        }
    }

    record Stage(String from, String alias, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }
    }

    static List<Stage> parse(String dockerfile) {
        List<Stage> stages = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String text = logical.toString();
            logical.setLength(0);
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : text.substring(space + 1);
            if (keyword.equals("FROM")) {
                List<String> words = new Instruction(keyword, arguments).words().stream().filter(w -> !w.startsWith("--")).toList();
                String alias = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
                stages.add(new Stage(words.get(0), alias, new ArrayList<>()));
            } else {
                assertFalse(stages.isEmpty(), "an instruction before FROM: " + text);
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
            }
        }
        return stages;
    }

    /** The sources of a COPY (everything but flags and the destination). */
    static List<String> copySources(Instruction copy) {
        List<String> words = copy.words().stream().filter(w -> !w.startsWith("--")).toList();
        return words.subList(0, words.size() - 1);
    }

    static String copyFrom(Instruction copy) {
        return copy.words().stream().filter(w -> w.startsWith("--from=")).map(w -> w.substring(7)).findFirst().orElse(null);
    }

    private static List<Stage> stages(String file) {
        return parse(ProjectFiles.read("docker/" + file));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro" })
    void startsWithACommentSayingHowToBuildAndRun(String file) {
        String text = ProjectFiles.read("docker/" + file);
        assertTrue(text.startsWith("#"), file + " starts with a comment");
        String header = text.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertTrue(header.contains("docker build -f docker/" + file), file + " says how to build it");
        assertTrue(header.contains("docker run"), file + " says how to run it");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro" })
    void runtimeStageRunsAsANonRootUser(String file) {
        List<Stage> stages = stages(file);
        Stage runtime = stages.get(stages.size() - 1);
        List<Instruction> users = runtime.all("USER");
        assertFalse(users.isEmpty(), file + ": the runtime stage sets USER");
        String user = users.get(users.size() - 1).arguments().trim();
        String name = user.split(":")[0];
        assertFalse(name.equals("root") || name.equals("0") || name.isEmpty(), file + ": USER " + user + " is root");
        // Numeric, so that Kubernetes runAsNonRoot can verify it without resolving a name.
        assertTrue(name.matches("[1-9][0-9]*"), file + ": USER " + user + " is numeric");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Dockerfile.jvm", "Dockerfile.native", "Dockerfile.native-micro" })
    void runtimeStageCopiesOnlyBuildOutput(String file) {
        List<Stage> stages = stages(file);
        Stage runtime = stages.get(stages.size() - 1);
        assertTrue(runtime.all("ADD").isEmpty(), file + ": ADD can fetch URLs and unpack archives; use COPY");
        List<Instruction> copies = runtime.all("COPY");
        assertFalse(copies.isEmpty());
        for (Instruction copy : copies) {
            String from = copyFrom(copy);
            for (String source : copySources(copy)) {
                String local = from == null ? source : source.replaceFirst("^/code/", "");
                assertTrue(local.startsWith("target/quarkus-app/") || local.equals("target/*-runner"),
                        file + ": runtime stage copies " + source + ", which is not build output");
                assertFalse(local.equals(".") || local.equals("./"), file + ": COPY . . into the runtime stage");
            }
        }
    }

    @Test
    void nativeBuilderCopiesOnlyWhatTheMavenBuildReadsAndBuildsWithMandrel() {
        List<Stage> stages = stages("Dockerfile.native");
        assertEquals(2, stages.size(), "builder and runtime");
        Stage builder = stages.get(0);
        Stage runtime = stages.get(1);
        assertEquals("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21", builder.from());
        assertNotNull(builder.alias());
        assertTrue(runtime.from().equals("quay.io/quarkus/ubi9-quarkus-micro-image:2.0")
                || runtime.from().startsWith("registry.access.redhat.com/ubi9/ubi-minimal"), runtime.from());
        for (Instruction copy : builder.all("COPY")) {
            for (String source : copySources(copy)) {
                String top = source.replaceAll("/+$", "");
                assertTrue(BUILDER_SOURCES.contains(top), "builder copies " + source + ", which the build does not need");
            }
        }
        assertTrue(builder.all("RUN").stream().anyMatch(r -> r.arguments().contains("./mvnw")
                && r.arguments().contains("package") && r.arguments().contains("-Dquarkus.native.enabled=true")
                && r.arguments().contains("-DskipTests")), "builder runs the native package build");
        runtime.all("COPY").forEach(c -> assertEquals(builder.alias(), copyFrom(c), "runtime copies from the builder only"));
    }

    @Test
    void jvmImageUsesAJava25RuntimeAndNativeMicroTheMicroImage() {
        assertTrue(stages("Dockerfile.jvm").get(0).from().matches(
                "registry.access.redhat.com/ubi9/openjdk-25-runtime:[0-9][0-9.-]*"), "a pinned JDK 25 runtime tag");
        assertEquals(1, stages("Dockerfile.jvm").size());
        assertEquals("quay.io/quarkus/ubi9-quarkus-micro-image:2.0", stages("Dockerfile.native-micro").get(0).from());
    }

    @Test
    void dockerignoreKeepsAllButBuildOutputAndSourcesOutOfTheContext() {
        List<String> patterns = ProjectFiles.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String excluded : List.of("target/classes/dev/X.class", "target/surefire-reports/r.xml",
                "node_modules/dynalite/package.json", ".git/config", "server.pem", "config/tls/server.pem",
                "deploy/client.key", ".env", "k8s/local/.env", "keys/prod-keyset.json", "secrets/keyset.b64",
                "target/native-sources/native-image.args")) {
            assertFalse(included(patterns, excluded), excluded + " must not be in the build context");
        }
        for (String kept : List.of("target/quarkus-app/quarkus-run.jar", "target/quarkus-app/lib/main/a.jar",
                "target/profile-service-1.0.0-SNAPSHOT-runner", "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
                "src/main/java/dev/profileservice/crypto/AeadKeyset.java", "src/main/resources/application.properties")) {
            assertTrue(included(patterns, kept), kept + " is needed by a Dockerfile");
        }
    }

    /**
     * Docker's rule: patterns apply in order, the last match wins, "!" re-includes, and a
     * pattern that matches a parent directory matches everything below it.
     */
    static boolean included(List<String> patterns, String path) {
        boolean included = true;
        for (String raw : patterns) {
            boolean negate = raw.startsWith("!");
            String pattern = (negate ? raw.substring(1) : raw).replaceAll("/+$", "");
            if (matchesPathOrParent(pattern, path)) {
                included = negate;
            }
        }
        return included;
    }

    private static boolean matchesPathOrParent(String pattern, String path) {
        List<String> globs = new ArrayList<>(List.of(pattern));
        if (pattern.startsWith("**/")) {
            globs.add(pattern.substring(3)); // "**/" also matches zero directories
        }
        String[] parts = path.split("/");
        for (int i = 1; i <= parts.length; i++) {
            Path candidate = Path.of(String.join("/", Arrays.copyOf(parts, i)));
            for (String glob : globs) {
                if (FileSystems.getDefault().getPathMatcher("glob:" + glob).matches(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }
}
