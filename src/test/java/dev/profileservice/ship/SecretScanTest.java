package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.profileservice.ship.SecretScanner.Allowed;
import dev.profileservice.ship.SecretScanner.Finding;
import dev.profileservice.ship.SecretScanner.Rule;

/**
 * Fails the build when a committed file holds a credential. The planted examples below are
 * assembled at run time from pieces, so this source file never contains one itself.
 */
class SecretScanTest {

    static final String ALLOW_LIST = ".ci/secret-scan-allowlist";

    @Test
    void noCommittedFileContainsASecret() throws Exception {
        assumeTrue(Files.exists(ProjectFiles.path(".git")), "not a git checkout: nothing is committed to scan");
        List<String> files = SecretScanner.trackedFiles(ProjectFiles.ROOT);
        assertTrue(files.contains("pom.xml"), "git ls-files lists the project");
        List<Allowed> allowed = SecretScanner.parseAllowList(ProjectFiles.read(ALLOW_LIST));
        List<Finding> findings = SecretScanner.scanFiles(ProjectFiles.ROOT, files).stream()
                .filter(f -> allowed.stream().noneMatch(a -> a.covers(f)))
                .toList();
        assertTrue(findings.isEmpty(), "possible secrets in committed files (remove them, rotate them, or allow-list a"
                + " named test fixture in " + ALLOW_LIST + " with a reason):\n"
                + findings.stream().map(Finding::toString).collect(Collectors.joining("\n")));
    }

    @Test
    void everyAllowListEntryHasAReasonAndStillMatchesACommittedFile() throws Exception {
        assumeTrue(Files.exists(ProjectFiles.path(".git")), "not a git checkout");
        List<String> files = SecretScanner.trackedFiles(ProjectFiles.ROOT);
        for (Allowed entry : SecretScanner.parseAllowList(ProjectFiles.read(ALLOW_LIST))) {
            assertTrue(files.stream().anyMatch(f -> entry.covers(new Finding(f, 1, anyRule(entry)))),
                    "stale allow-list entry, remove it: " + entry.glob());
        }
    }

    @Test
    void detectsAnAwsAccessKeyId() {
        String key = "AKIA" + "IOSFODNN7" + "EXAMPLE";
        assertEquals(List.of(Rule.AWS_ACCESS_KEY_ID), rules("src/main/java/A.java", "String id = \"" + key + "\";"));
        assertEquals(List.of(Rule.AWS_ACCESS_KEY_ID), rules("notes.md", "temporary " + "AS" + "IA" + "Y34FZKBOKMUTVV7A"));
        assertTrue(rules("notes.md", "AKIA" + "short").isEmpty());
    }

    @Test
    void detectsAPemPrivateKey() {
        String dashes = "-".repeat(5);
        for (String type : List.of("", "RSA ", "EC ", "OPENSSH ", "ENCRYPTED ")) {
            String pem = dashes + "BEGIN " + type + "PRIVATE" + " KEY" + dashes + "\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n";
            assertEquals(List.of(Rule.PRIVATE_KEY), rules("src/test/resources/tls/key.txt", pem), type);
        }
        assertTrue(rules("cert.txt", dashes + "BEGIN CERTIFICATE" + dashes).isEmpty(), "a certificate is public");
    }

    @Test
    void detectsAJwt() {
        String header = "eyJ" + "hbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";
        String claims = "eyJ" + "zdWIiOiJhbGljZSIsImF1ZCI6InByb2ZpbGUtc2VydmljZSJ9";
        String token = header + "." + claims + "." + "c2lnbmF0dXJlLWJ5dGVz";
        assertEquals(List.of(Rule.JWT), rules("src/test/java/T.java", "given().auth().oauth2(\"" + token + "\")"));
        assertEquals(List.of(Rule.JWT), rules("README.md", header + "." + claims + "."), "unsigned tokens count too");
    }

    @Test
    void detectsLiteralPasswordsAndSecretsInConfig() {
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("src/main/resources/application.properties",
                "quarkus.datasource." + "password=" + "hunter2-prod"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("src/main/resources/application.properties",
                "%prod.quarkus.oidc.credentials." + "secret=" + "9f2c1e77ab"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("k8s/overlays/prod/config.yaml",
                "  CLIENT_" + "SECRET: \"" + "Zq8-real-value\""));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("k8s/overlays/prod/config.yaml",
                "  PROFILE_CRYPTO_" + "KEYSET: " + "eyJwcmltYXJ5S2V5SWQiOjEyMzR9"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("docker/Dockerfile.jvm", "ENV DB_" + "PASSWORD=" + "s3cr3t!"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules(".env", "AWS_SECRET_ACCESS_" + "KEY=" + "wJalrXUtnFEMI/K7MDENG"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("settings.xml", "<" + "password>" + "hunter2</password>"));
        assertEquals(List.of(Rule.CONFIG_SECRET), rules("config.json", "  \"api_" + "key\": \"" + "live-4f9a\","));
    }

    @Test
    void placeholdersReferencesAndLocalDummiesAreNotSecrets() {
        String props = "src/main/resources/application.properties";
        assertTrue(rules(props, "quarkus.datasource.password=${DB_PASSWORD}").isEmpty());
        assertTrue(rules(props, "%dev,test.quarkus.dynamodb.aws.credentials.static-provider.secret-access-key=local").isEmpty());
        assertTrue(rules(props, "quarkus.oidc.credentials.secret=").isEmpty());
        assertTrue(rules(props, "# password=hunter2 is what not to do").isEmpty());
        assertTrue(rules(props, "quarkus.oidc.token.audience=${quarkus.oidc.client-id}").isEmpty());
        String yaml = "k8s/base/deployment.yaml";
        assertTrue(rules(yaml, "              secretKeyRef:").isEmpty());
        assertTrue(rules(yaml, "                  key: PROFILE_CRYPTO_KEYSET").isEmpty());
        assertTrue(rules(yaml, "            - name: PROFILE_CRYPTO_KEYSET").isEmpty());
        assertTrue(rules(yaml, "  password: <your-password>").isEmpty());
        assertTrue(rules("src/main/java/A.java", "String secret = keyset.aead();").isEmpty(),
                "source code is not config: only the token-shaped rules apply there");
    }

    @Test
    void allowListExcusesANamedFixtureForItsRuleOnlyAndDemandsAReason() {
        List<Allowed> allowed = SecretScanner.parseAllowList("""
                # comment
                src/test/resources/fixtures/expired-jwt.txt  JWT  expired token signed by a throw-away test key
                """);
        Finding jwt = new Finding("src/test/resources/fixtures/expired-jwt.txt", 1, Rule.JWT);
        Finding key = new Finding("src/test/resources/fixtures/expired-jwt.txt", 2, Rule.PRIVATE_KEY);
        Finding elsewhere = new Finding("src/test/resources/other.txt", 1, Rule.JWT);
        assertTrue(allowed.get(0).covers(jwt));
        assertFalse(allowed.get(0).covers(key), "an entry excuses its rule only");
        assertFalse(allowed.get(0).covers(elsewhere));
        assertThrows(IllegalArgumentException.class, () -> SecretScanner.parseAllowList("a.txt JWT"), "a reason is required");
        assertThrows(IllegalArgumentException.class, () -> SecretScanner.parseAllowList("a.txt NOPE because of reasons"));
    }

    @Test
    void findingsNameTheRuleAndLineButNeverTheValue() {
        String key = "AKIA" + "IOSFODNN7" + "EXAMPLE";
        Finding finding = SecretScanner.scan("a/b.properties", "x=1\naws.id=" + key).get(0);
        assertEquals(2, finding.line());
        assertFalse(finding.toString().contains(key));
    }

    private static List<Rule> rules(String path, String content) {
        return SecretScanner.scan(path, content).stream().map(Finding::rule).toList();
    }

    private static Rule anyRule(Allowed entry) {
        return entry.rule().equals("*") ? Rule.JWT : Rule.valueOf(entry.rule());
    }
}
