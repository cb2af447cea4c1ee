package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.support.Management;
import dev.profileservice.support.ServiceLog;
import dev.profileservice.support.SpanCapture;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The spans the service hands its exporters, and the metrics it serves, after traffic full of
 * personal data: only allow-listed attribute keys, and no planted value anywhere in a span (name,
 * attributes, events, links, status, resource, tracestate) or in the Prometheus scrape.
 */
@QuarkusTest
class TelemetryLeakTest extends TelemetryTraffic {

    @Inject
    SpanCapture capture;

    @Test
    void spansCarryOnlyAllowListedAttributesAndNoPlantedValue() {
        capture.start();
        driveEveryEndpoint();
        List<SpanData> spans = capture.stopAfter(s -> s.getName().equals("DELETE /api/profile"));

        for (SpanData span : spans) {
            assertTrue(SpanAllowList.spanKeys().containsAll(keysOf(span.getAttributes())), "span " + span);
            assertTrue(SpanAllowList.resourceKeys().containsAll(keysOf(span.getResource().getAttributes())), "resource");
            span.getEvents().forEach(event -> assertEquals(Set.of("exception.type"), keysOf(event.getAttributes()), "event"));
            span.getLinks().forEach(link -> assertTrue(link.getAttributes().isEmpty(), "link attributes"));
            assertTrue(span.getSpanContext().getTraceState().isEmpty(), "tracestate");
            String whole = span + " " + span.getResource() + " " + span.getName() + " " + span.getStatus().getDescription();
            for (String value : planted()) {
                assertFalse(whole.contains(value), "span leaks '" + value + "': " + whole);
            }
        }
        assertTrue(spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("GET /api/profiles/{userId}")),
                "server spans are named by route template");
        assertTrue(spans.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("DynamoDb.Query")),
                "DynamoDB calls are spans");
        assertTrue(spans.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("GET")
                && s.getParentSpanContext().isValid()), "the JWKS refresh for the unknown key id is a client span");
        SpanData continued = spans.stream().filter(s -> s.getTraceId().equals(CALLER_TRACE_ID)
                && s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertEquals(CALLER_SPAN_ID, continued.getParentSpanId(), "the caller's sampled trace is continued");
    }

    @Test
    void logLinesCarryTheTraceIdAndSpanIdOfTheirRequest() throws IOException {
        capture.start();
        as(dev.profileservice.support.Tokens.admin()).get("/api/admin/profiles/" + PATH_USER).then().statusCode(404);
        SpanData server = capture.stopAfter(s -> s.getKind() == SpanKind.SERVER).stream()
                .filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();

        ObjectMapper json = new ObjectMapper();
        JsonNode audit = null;
        for (String line : ServiceLog.lines()) {
            JsonNode record = json.readTree(line);
            if ("audit".equals(record.path("loggerName").asText())
                    && record.path("mdc").path("traceId").asText().equals(server.getTraceId())) {
                audit = record;
            }
        }
        assertTrue(audit != null, "the audit event of the request carries its traceId " + server.getTraceId());
        assertEquals(16, audit.path("mdc").path("spanId").asText().length(), "and a spanId");
    }

    @Test
    void theMetricsScrapeCarriesNoPlantedValueAndTemplatedRoutesOnly() throws IOException {
        driveEveryEndpoint();
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape); // for a reader: what Prometheus gets

        for (String value : planted()) {
            assertFalse(scrape.contains(value), "metrics leak '" + value + "'");
        }
        for (String line : scrape.lines().filter(l -> l.contains("uri=\"")).toList()) {
            String uri = line.replaceAll(".*uri=\"([^\"]*)\".*", "$1");
            assertTrue(uri.matches("(/[a-z]+|/\\{[A-Za-z]+\\})*/?|[A-Z_]+"), "uri label is a template: " + line);
        }
        for (String name : List.of("http_server_requests_seconds_bucket{", "profile_dynamodb_calls_seconds_bucket{",
                "profile_audit_events_total{action=\"admin.profile.read\"", "ft_circuitbreaker_state_current{",
                "profile_crypto_decrypt_failures_total{attribute=\"email\"}", "profile_crypto_legacy_plaintext_reads_total{")) {
            assertTrue(scrape.contains(name), name + " is scraped");
        }
    }
}
