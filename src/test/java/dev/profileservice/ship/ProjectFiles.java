package dev.profileservice.ship;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** The project's own files, as the shipping tests read them: the tests run from the project root. */
final class ProjectFiles {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    private ProjectFiles() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A setting of application.properties as the prod profile sees it: its %prod form, else the plain key. */
    static String prodProperty(String key) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("%prod." + key, properties.getProperty(key));
    }

    /** {@code quarkus.shutdown.timeout} as the prod profile sees it. */
    static Duration shutdownTimeout() {
        String value = prodProperty("quarkus.shutdown.timeout");
        if (value == null) {
            throw new IllegalStateException("quarkus.shutdown.timeout is not set in application.properties");
        }
        // Quarkus durations: a bare number is seconds, "20S" / "1M" is PT-less ISO-8601.
        String trimmed = value.trim();
        return trimmed.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(trimmed)) : Duration.parse("PT" + trimmed);
    }
}
