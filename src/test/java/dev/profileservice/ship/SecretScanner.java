package dev.profileservice.ship;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in committed files: AWS access key ids, PEM private keys, JWTs, and
 * passwords or secrets written as literal values in configuration. A finding names the file,
 * line and rule, never the value, so the report itself does not spread what it found.
 */
final class SecretScanner {

    enum Rule {
        AWS_ACCESS_KEY_ID, PRIVATE_KEY, JWT, CONFIG_SECRET
    }

    record Finding(String path, int line, Rule rule) {
        @Override
        public String toString() {
            return path + ":" + line + " " + rule;
        }
    }

    /** One allow-list entry: a path glob, the rule it excuses ("*" for any) and why. */
    record Allowed(String glob, String rule, String reason) {
        boolean covers(Finding finding) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return matcher.matches(Path.of(finding.path())) && (rule.equals("*") || rule.equals(finding.rule().name()));
        }
    }

    private static final Pattern AWS_KEY = Pattern.compile("(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----" + "BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    /** A key whose last word names a secret, then = or :, then the value (properties, YAML, env, Dockerfile ENV). */
    private static final Pattern CONFIG_ENTRY = Pattern.compile(
            "(?i)^\\s*(?:-\\s+)?(?:export\\s+|ENV\\s+|ARG\\s+)?[\"']?([\\w.%,/\\[\\]-]*?"
                    + "(?:password|passwd|pwd|secret|secret[-_.]?key|access[-_.]?key|api[-_.]?key|private[-_.]?key"
                    + "|auth[-_.]?token|access[-_.]?token|bearer[-_.]?token|keyset|credentials?))[\"']?\\s*[:=]\\s*(.*)$");
    /** The same in XML: {@code <password>value</password>}. */
    private static final Pattern XML_ENTRY = Pattern.compile(
            "(?i)<([\\w.-]*(?:password|passwd|secret|api[-_.]?key|private[-_.]?key|keyset))>([^<]*)</");

    private static final Set<String> CONFIG_EXTENSIONS = Set.of("properties", "yaml", "yml", "env", "conf", "cfg", "ini",
            "toml", "json", "xml", "sh", "bash", "tf", "tfvars");

    /** Values that are plainly not real: local engines' dummies and documentation placeholders. */
    private static final Set<String> DUMMIES = Set.of("local", "dummy", "test", "example", "changeme", "change-me",
            "replace-me", "replace_me", "placeholder", "redacted", "none", "null", "secret", "password", "true", "false");
    private static final Pattern DUMMY_SHAPE = Pattern.compile("(?i)x+|\\*+|\\.+|<[^>]*>|(dummy|fake|example|changeme)[\\w-]*");

    private SecretScanner() {
    }

    static List<Finding> scan(String path, String content) {
        List<Finding> findings = new ArrayList<>();
        boolean config = isConfig(path);
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (AWS_KEY.matcher(line).find()) {
                findings.add(new Finding(path, i + 1, Rule.AWS_ACCESS_KEY_ID));
            }
            if (PRIVATE_KEY.matcher(line).find()) {
                findings.add(new Finding(path, i + 1, Rule.PRIVATE_KEY));
            }
            if (JWT.matcher(line).find()) {
                findings.add(new Finding(path, i + 1, Rule.JWT));
            }
            if (config && hasLiteralSecret(line)) {
                findings.add(new Finding(path, i + 1, Rule.CONFIG_SECRET));
            }
        }
        return findings;
    }

    static boolean isConfig(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONFIG_EXTENSIONS.contains(extension) || name.startsWith(".env") || name.startsWith("Dockerfile")
                || path.startsWith(".ci/");
    }

    private static boolean hasLiteralSecret(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("#") || trimmed.startsWith("//") || trimmed.startsWith("<!--")) {
            return false;
        }
        Matcher entry = CONFIG_ENTRY.matcher(line);
        if (entry.find() && isLiteral(entry.group(2))) {
            return true;
        }
        Matcher xml = XML_ENTRY.matcher(line);
        return xml.find() && isLiteral(xml.group(2));
    }

    static boolean isLiteral(String rawValue) {
        String value = rawValue.strip();
        // YAML/shell trailing comment, JSON trailing comma, then quotes.
        value = value.replaceFirst("\\s+#.*$", "").replaceFirst(",$", "").strip();
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.equals("|") || value.equals(">") || value.startsWith("{") || value.startsWith("[")) {
            return false; // no value on this line, or a structure (a secretKeyRef, a list of names)
        }
        if (value.startsWith("${") || value.startsWith("$(") || value.startsWith("{{")) {
            return false; // a placeholder resolved at run or deploy time
        }
        return !DUMMIES.contains(value.toLowerCase(Locale.ROOT)) && !DUMMY_SHAPE.matcher(value).matches();
    }

    /** Entries of the allow-list file: {@code <path-glob> <RULE|*> <reason...>}; # starts a comment. */
    static List<Allowed> parseAllowList(String text) {
        List<Allowed> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 3);
            if (parts.length < 3 || parts[2].strip().length() < 10) {
                throw new IllegalArgumentException("allow-list entry needs a path, a rule and a reason: " + trimmed);
            }
            if (!parts[1].equals("*")) {
                Rule.valueOf(parts[1]); // unknown rule names fail here
            }
            entries.add(new Allowed(parts[0], parts[1], parts[2].strip()));
        }
        return entries;
    }

    /** Every file git tracks in {@code root}, as paths relative to it. */
    static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile()).redirectErrorStream(false).start();
        byte[] output;
        try (InputStream in = git.getInputStream()) {
            output = in.readAllBytes();
        }
        String errors;
        try (InputStream err = git.getErrorStream(); ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            err.transferTo(buffer);
            errors = buffer.toString(StandardCharsets.UTF_8);
        }
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git ls-files failed: " + errors);
        }
        List<String> files = new ArrayList<>();
        for (String file : new String(output, StandardCharsets.UTF_8).split("\0")) {
            if (!file.isEmpty()) {
                files.add(file);
            }
        }
        return files;
    }

    static List<Finding> scanFiles(Path root, List<String> files) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (String file : files) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // deleted in the work tree, or a submodule
            }
            // ISO-8859-1 decodes any byte, so binary files are scanned too rather than skipped.
            findings.addAll(scan(file, new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)));
        }
        return findings;
    }
}
