package dev.profileservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON log file the test profile writes through the masking filter (target/service-test.log). */
public final class ServiceLog {

    public static final Path FILE = Path.of("target", "service-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceLog() {
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit events logged so far: each line of the {@code audit} category, its message parsed as JSON. */
    public static List<JsonNode> auditEvents() {
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines()) {
            try {
                JsonNode record = JSON.readTree(line);
                if ("audit".equals(record.path("loggerName").asText())) {
                    events.add(JSON.readTree(record.path("message").asText()));
                }
            } catch (IOException e) {
                throw new AssertionError("not a JSON log line: " + line, e);
            }
        }
        return events;
    }
}
