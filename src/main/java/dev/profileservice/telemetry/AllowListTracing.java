package dev.profileservice.telemetry;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.LateBoundSpanProcessor;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;

/**
 * Registers the span processors with the tracer provider, each behind {@link AllowListSpanProcessor},
 * in place of Quarkus' own {@code TracerProviderCustomizer} (excluded with {@code quarkus.arc.exclude-types}):
 * that one would register Quarkus' OTLP processor as is. Processors that the SDK builds from
 * {@code quarkus.otel.traces.exporter} (CDI {@code SpanExporter} beans) are wrapped the same way.
 * <p>
 * Without an OTLP endpoint Quarkus would export to {@code localhost:4317} and log failures;
 * here its processor is shut down instead, so nothing is exported and nothing fails.
 */
@Singleton
public class AllowListTracing implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    /** Quarkus' own default, which it uses when no endpoint is configured (OtlpExporterConfig). */
    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    private final List<IdGenerator> idGenerators;
    private final List<SpanProcessor> processors;
    private final boolean exportConfigured;

    AllowListTracing(@All List<IdGenerator> idGenerators, @All List<SpanProcessor> processors,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> endpoint) {
        this.idGenerators = idGenerators;
        this.processors = processors;
        this.exportConfigured = isConfigured(endpoint);
    }

    /** The same rule as Quarkus': an endpoint equal to its default counts as not configured. */
    static boolean isConfigured(Optional<String> endpoint) {
        return endpoint.map(String::strip).filter(e -> !e.isEmpty() && !e.equals(QUARKUS_DEFAULT_ENDPOINT)).isPresent();
    }

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addSpanProcessorCustomizer((processor, config) -> AllowListSpanProcessor.wrap(processor));
        builder.addTracerProviderCustomizer((tracerProvider, config) -> {
            idGenerators.stream().findFirst().ifPresent(tracerProvider::setIdGenerator);
            for (SpanProcessor processor : processors) {
                if (processor instanceof RemoveableLateBoundSpanProcessor) {
                    continue;
                }
                if (processor instanceof LateBoundSpanProcessor && !exportConfigured) {
                    processor.shutdown();
                    Log.info("No OTLP endpoint (quarkus.otel.exporter.otlp.endpoint): spans are not exported");
                    continue;
                }
                tracerProvider.addSpanProcessor(AllowListSpanProcessor.wrap(processor));
            }
            return tracerProvider;
        });
    }
}
