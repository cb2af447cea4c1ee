package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files the keyset commands write (crypto/KeysetTool redirected to aead.b64 and prf.b64, as
 * the docs show; tinkey's JSON output) can be neither committed nor copied into an image. Git's
 * own matcher decides for .gitignore; Docker's rule (DockerfileTest) for .dockerignore.
 */
class KeysetFilesTest {

    @ParameterizedTest
    @ValueSource(strings = { "aead.b64", "prf.b64", "k8s/overlays/prod/aead.b64", "keysets/prf.b64",
            "aead-keyset.json", "tmp/kms-keyset.json", "profile.keyset", "secrets/PROFILE_CRYPTO_KEYSET" })
    void keysetFilesAreIgnoredByGitAndDocker(String file) throws Exception {
        assertEquals(0, gitCheckIgnore(file), file + " could be committed: add it to .gitignore");
        List<String> patterns = ProjectFiles.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(DockerfileTest.included(patterns, file), file + " would enter the Docker build context");
    }

    @ParameterizedTest
    @ValueSource(strings = { "src/main/java/dev/profileservice/crypto/KeysetTool.java", "pom.xml",
            "src/main/resources/application.properties" })
    void sourcesAreStillTracked(String file) throws Exception {
        assertEquals(1, gitCheckIgnore(file), file + " must not be ignored");
    }

    /** 0: ignored, 1: not ignored (git check-ignore's exit codes); anything else fails the test. */
    private static int gitCheckIgnore(String file) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "check-ignore", "--no-index", "-q", file)
                .directory(ProjectFiles.ROOT.toFile()).redirectErrorStream(true).start();
        if (!git.waitFor(30, TimeUnit.SECONDS)) {
            git.destroyForcibly();
            throw new IllegalStateException("git check-ignore did not finish");
        }
        int code = git.exitValue();
        if (code != 0 && code != 1) {
            throw new IllegalStateException("git check-ignore failed (" + code + "): "
                    + new String(git.getInputStream().readAllBytes()));
        }
        return code;
    }
}
