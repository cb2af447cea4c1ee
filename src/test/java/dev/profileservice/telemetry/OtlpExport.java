package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.profileservice.support.OtlpReceiverResource;
import dev.profileservice.support.OtlpTraces;

/**
 * Shared checks of the OTLP export tests: what reached the receiver on 127.0.0.1, byte for byte
 * and decoded, after the service exported it over the wire.
 */
abstract class OtlpExport extends TelemetryTraffic {

    static final int ATTEMPTS = 3;

    /**
     * Waits until an exported span named {@code spanName} has arrived; returns every body received by then.
     * Quarkus' OTLP gRPC sender (3.33, {@code VertxGrpcSender}) can lose a batch: it has no failure handler on
     * the send itself, so when that fails nothing completes the export, and the batch processor drops it after
     * its export timeout (set short by {@link OtlpReceiverResource}). Each of the {@link #ATTEMPTS} windows of
     * 10 s but the last ends by calling {@code resend}, which repeats the request whose span is awaited, so one
     * lost batch does not fail the test.
     */
    List<byte[]> awaitSpan(String spanName, Runnable resend) throws InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                List<byte[]> bodies = OtlpReceiverResource.bodies();
                if (spans(bodies).stream().anyMatch(span -> span.name().equals(spanName))) {
                    Thread.sleep(500); // the batch of the spans that ended with it may still be on its way
                    return OtlpReceiverResource.bodies();
                }
                Thread.sleep(100);
            }
            if (attempt < ATTEMPTS) {
                resend.run();
            }
        }
        List<byte[]> bodies = OtlpReceiverResource.bodies();
        fail("no span '" + spanName + "' was exported to the receiver in " + ATTEMPTS + " attempts of 10 s; received "
                + bodies.size() + " bodies with the spans "
                + spans(bodies).stream().map(span -> span.name() + " " + span.attributes()).toList());
        return List.of();
    }

    List<OtlpTraces.Span> spans(List<byte[]> bodies) {
        List<OtlpTraces.Span> spans = new ArrayList<>();
        bodies.forEach(body -> spans.addAll(OtlpTraces.decode(body, OtlpReceiverResource.grpc())));
        return spans;
    }

    /** The raw bytes of every body: protobuf keeps strings as UTF-8, so a planted value would show as is. */
    void assertNoPlantedValueInRawBytes(List<byte[]> bodies) {
        assertFalse(bodies.isEmpty(), "nothing was exported");
        for (byte[] body : bodies) {
            String raw = new String(body, StandardCharsets.UTF_8);
            for (String value : planted()) {
                assertFalse(raw.contains(value), "exported bytes contain '" + value + "'");
            }
            for (String key : List.of("url.path", "url.query", "url.full", "user_agent.original", "client.address",
                    "enduser.", "http.request.header", "exception.message", "exception.stacktrace", "process.command")) {
                assertFalse(raw.contains(key), "exported bytes contain the attribute '" + key + "'");
            }
        }
    }

    void assertOnlyAllowListedKeys(List<OtlpTraces.Span> spans) {
        assertFalse(spans.isEmpty());
        for (OtlpTraces.Span span : spans) {
            assertTrue(SpanAllowList.spanKeys().containsAll(span.attributes().keySet()), "span " + span);
            assertTrue(SpanAllowList.resourceKeys().containsAll(span.resource().keySet()), "resource " + span.resource());
            assertTrue(span.traceState().isEmpty(), "tracestate of " + span);
            span.events().forEach(event -> assertTrue(java.util.Set.of("(name)", "exception.type").containsAll(event.keySet()),
                    "event " + event));
        }
    }
}
