package dev.profileservice.telemetry;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: one console line per finished span, exactly as it would be exported (it is
 * registered behind the allow-list like every processor), so traces can be read without a
 * collector. Quarkus 3.33's Dev UI has no trace viewer of its own; see docs/telemetry.md.
 * Silence it with {@code quarkus.log.category."telemetry.spans".level=OFF}.
 */
@IfBuildProfile("dev")
@Singleton
public class DevSpanLog implements FinishedSpanProcessor {

    private static final Logger SPANS = Logger.getLogger("telemetry.spans");

    @Override
    public void onEnd(ReadableSpan span) {
        SpanData data = span.toSpanData();
        SPANS.infof("%s %s %d ms trace=%s span=%s parent=%s status=%s %s", data.getKind(), data.getName(),
                TimeUnit.NANOSECONDS.toMillis(data.getEndEpochNanos() - data.getStartEpochNanos()), data.getTraceId(),
                data.getSpanId(), data.getParentSpanId(), data.getStatus().getStatusCode(), data.getAttributes().asMap());
    }
}
