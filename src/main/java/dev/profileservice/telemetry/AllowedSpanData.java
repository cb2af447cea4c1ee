package dev.profileservice.telemetry;

import java.util.List;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/**
 * A copy of a finished span as it may leave the process: attributes and resource through
 * {@link SpanAllowList}, exception events with their class only, links without attributes, the
 * status without its description, no {@code tracestate} (a caller can put anything in it), and
 * a name rebuilt from allowed data. Everything else about the span is kept as it was.
 */
final class AllowedSpanData extends DelegatingSpanData {

    static final String EXCEPTION_EVENT = "exception";
    static final String UNNAMED = "span";

    /** A name made of code identifiers, such as {@code DynamoDb.GetItem}; anything else is rebuilt. */
    private static final Pattern CODE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,127}");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");

    private final Attributes attributes;
    private final List<EventData> events;
    private final List<LinkData> links;

    private AllowedSpanData(SpanData span) {
        super(span);
        this.attributes = SpanAllowList.spanAttributes(span.getAttributes());
        this.events = span.getEvents().stream()
                .filter(event -> EXCEPTION_EVENT.equals(event.getName()))
                .map(event -> EventData.create(event.getEpochNanos(), EXCEPTION_EVENT,
                        SpanAllowList.exceptionEventAttributes(event.getAttributes())))
                .toList();
        this.links = span.getLinks().stream()
                .map(link -> LinkData.create(withoutTraceState(link.getSpanContext())))
                .toList();
    }

    static SpanData of(SpanData span) {
        return span instanceof AllowedSpanData ? span : new AllowedSpanData(span);
    }

    /**
     * Names made of code identifiers ({@code DynamoDb.GetItem}, {@code GET}) pass; anything else, such
     * as an HTTP server span's {@code GET /path}, is rebuilt from the method and the route template.
     */
    @Override
    public String getName() {
        String name = super.getName();
        if (CODE_NAME.matcher(name).matches()) {
            return name;
        }
        String method = attributes.get(METHOD);
        if (method == null) {
            return UNNAMED;
        }
        String route = attributes.get(ROUTE);
        return route == null ? method : method + " " + route;
    }

    @Override
    public SpanContext getSpanContext() {
        return withoutTraceState(super.getSpanContext());
    }

    @Override
    public SpanContext getParentSpanContext() {
        return withoutTraceState(super.getParentSpanContext());
    }

    @Override
    public Attributes getAttributes() {
        return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
        return attributes.size();
    }

    @Override
    public List<EventData> getEvents() {
        return events;
    }

    @Override
    public int getTotalRecordedEvents() {
        return events.size();
    }

    @Override
    public List<LinkData> getLinks() {
        return links;
    }

    @Override
    public int getTotalRecordedLinks() {
        return links.size();
    }

    @Override
    public StatusData getStatus() {
        return StatusData.create(super.getStatus().getStatusCode(), "");
    }

    @Override
    public Resource getResource() {
        Resource resource = super.getResource();
        return Resource.create(SpanAllowList.resourceAttributes(resource.getAttributes()), resource.getSchemaUrl());
    }

    static SpanContext withoutTraceState(SpanContext context) {
        if (context.getTraceState().isEmpty()) {
            return context;
        }
        return context.isRemote()
                ? SpanContext.createFromRemoteParent(context.getTraceId(), context.getSpanId(), context.getTraceFlags(),
                        TraceState.getDefault())
                : SpanContext.create(context.getTraceId(), context.getSpanId(), context.getTraceFlags(),
                        TraceState.getDefault());
    }
}
