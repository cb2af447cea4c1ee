package dev.profileservice.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Puts the allow-list in front of an exporting processor: the processor (and so its exporter)
 * only ever sees a finished span, and only through {@link AllowedSpanData}; its {@code onStart}
 * is never called. A finished SDK span cannot
 * be changed, so the processor is handed a filtered view of it instead.
 */
final class AllowListSpanProcessor implements FinishedSpanProcessor {

    private final SpanProcessor delegate;

    AllowListSpanProcessor(SpanProcessor delegate) {
        this.delegate = delegate;
    }

    static SpanProcessor wrap(SpanProcessor processor) {
        return processor instanceof AllowListSpanProcessor ? processor : new AllowListSpanProcessor(processor);
    }

    @Override
    public void onEnd(ReadableSpan span) {
        delegate.onEnd(new View(span));
    }

    @Override
    public boolean isEndRequired() {
        return delegate.isEndRequired();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
        return delegate.forceFlush();
    }

    /**
     * A finished span seen through the allow-list. Its data is filtered once, when first read: a
     * processor that only checks the sampled flag, or drops the span, costs no filtering.
     */
    private static final class View implements ReadableSpan {

        private final ReadableSpan span;
        private SpanData data;

        View(ReadableSpan span) {
            this.span = span;
        }

        private SpanData data() {
            if (data == null) {
                data = AllowedSpanData.of(span.toSpanData());
            }
            return data;
        }

        @Override
        public SpanContext getSpanContext() {
            return AllowedSpanData.withoutTraceState(span.getSpanContext());
        }

        @Override
        public SpanContext getParentSpanContext() {
            return AllowedSpanData.withoutTraceState(span.getParentSpanContext());
        }

        @Override
        public String getName() {
            return data().getName();
        }

        @Override
        public SpanData toSpanData() {
            return data();
        }

        @Override
        @SuppressWarnings("deprecation")
        public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
            return span.getInstrumentationLibraryInfo();
        }

        @Override
        public InstrumentationScopeInfo getInstrumentationScopeInfo() {
            return span.getInstrumentationScopeInfo();
        }

        @Override
        public boolean hasEnded() {
            return span.hasEnded();
        }

        @Override
        public long getLatencyNanos() {
            return span.getLatencyNanos();
        }

        @Override
        public SpanKind getKind() {
            return span.getKind();
        }

        @Override
        public <T> T getAttribute(AttributeKey<T> key) {
            return data().getAttributes().get(key);
        }
    }
}
