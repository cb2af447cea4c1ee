package dev.profileservice.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * A span processor that only acts on finished spans, as exporting processors do: it never sees a
 * live span, whose attributes are still being written and not yet through the allow-list.
 */
public interface FinishedSpanProcessor extends SpanProcessor {

    @Override
    default void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    default boolean isStartRequired() {
        return false;
    }

    @Override
    default boolean isEndRequired() {
        return true;
    }
}
