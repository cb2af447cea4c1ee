package dev.profileservice.support;

import java.util.List;

import jakarta.inject.Singleton;

import dev.profileservice.telemetry.FinishedSpanProcessor;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans every test app would export, kept in memory while a test records them. It is a
 * span processor, like Quarkus' OTLP one, so it receives spans through the same allow-list
 * wrapper that production export goes through; a {@code SpanExporter} bean, as the Quarkus
 * guide shows for tests, would instead replace the OTLP processor in every test app.
 */
@Singleton
public class SpanCapture implements FinishedSpanProcessor {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private volatile boolean recording;

    /** Starts recording from an empty list. */
    public void start() {
        exporter.reset();
        recording = true;
    }

    /** Stops recording and returns what was recorded. */
    public List<SpanData> stop() {
        recording = false;
        return exporter.getFinishedSpanItems();
    }

    /**
     * Waits until a recorded span matches (a server span ends just after its response is sent), then
     * stops recording and returns what was recorded.
     */
    public List<SpanData> stopAfter(java.util.function.Predicate<SpanData> last) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (exporter.getFinishedSpanItems().stream().noneMatch(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return stop();
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (recording) {
            exporter.export(List.of(span.toSpanData()));
        }
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }
}
