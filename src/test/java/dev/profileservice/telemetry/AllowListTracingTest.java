package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;

/**
 * How the tracer provider gets its processors: Quarkus' OTLP processor only with an endpoint, and
 * always behind the allow-list. Built with the same SDK autoconfiguration Quarkus uses.
 */
class AllowListTracingTest {

    private static final String SECRET_PATH = "GET /api/profiles/3f1c9a52-alice-sub";

    /** Stands in for the exporting processor inside Quarkus' OTLP LateBoundSpanProcessor. */
    static final class Exporting implements FinishedSpanProcessor {
        final List<ReadableSpan> ended = new ArrayList<>();
        boolean shutDown;

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span);
        }

        @Override
        public CompletableResultCode shutdown() {
            shutDown = true;
            return CompletableResultCode.ofSuccess();
        }
    }

    @Test
    void withoutAnEndpointTheOtlpProcessorIsShutDownAndGetsNothing() {
        Exporting otlp = new Exporting();
        traceOneSpan(new AllowListTracing(List.of(), List.of(new LateBoundSpanProcessor(otlp)), Optional.empty()));

        assertTrue(otlp.shutDown, "no batch thread left running");
        assertTrue(otlp.ended.isEmpty(), "nothing exported");
    }

    @Test
    void withAnEndpointTheOtlpProcessorSeesAllowListedSpansOnly() {
        Exporting otlp = new Exporting();
        traceOneSpan(new AllowListTracing(List.of(), List.of(new LateBoundSpanProcessor(otlp)),
                Optional.of("http://otel-collector.monitoring:4317")));

        assertFalse(otlp.shutDown);
        assertEquals(1, otlp.ended.size());
        assertEquals("GET", otlp.ended.get(0).getName(), "the raw path is gone from the name");
        assertTrue(otlp.ended.get(0).toSpanData().getAttributes().asMap().keySet().stream()
                .allMatch(key -> SpanAllowList.spanKeys().contains(key.getKey())));
    }

    @Test
    void anEndpointEqualToQuarkusDefaultCountsAsNotConfigured() {
        assertFalse(AllowListTracing.isConfigured(Optional.empty()));
        assertFalse(AllowListTracing.isConfigured(Optional.of(AllowListTracing.QUARKUS_DEFAULT_ENDPOINT)));
        assertFalse(AllowListTracing.isConfigured(Optional.of(" ")));
        assertTrue(AllowListTracing.isConfigured(Optional.of("http://otel-collector.monitoring:4317")));
        assertTrue(AllowListTracing.isConfigured(Optional.of("http://localhost:4317")), "a sidecar, written out");
    }

    private static void traceOneSpan(AllowListTracing tracing) {
        AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook()
                .addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "none", "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"));
        tracing.customize(builder);
        OpenTelemetrySdk sdk = builder.build().getOpenTelemetrySdk();
        sdk.getTracer("test").spanBuilder(SECRET_PATH).setAttribute("http.request.method", "GET")
                .setAttribute("url.path", "/api/profiles/3f1c9a52-alice-sub").startSpan().end();
        sdk.getSdkTracerProvider().forceFlush();
    }
}
