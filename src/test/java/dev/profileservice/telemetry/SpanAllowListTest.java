package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

/** The allow-list on hand-made spans that carry personal data in every place a span has. */
class SpanAllowListTest {

    private static final String EMAIL = "victim" + "@" + "example.org";
    private static final String USER = "3f1c9a52-alice-sub";
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void onlyAllowListedAttributesWithTheirShapeSurvive() {
        SpanData span = AllowedSpanData.of(span("GET /api/profiles/" + USER, Attributes.builder()
                .put("http.request.method", "GET")
                .put("http.route", "/api/profiles/{userId}")
                .put("http.response.status_code", 200L)
                .put("url.path", "/api/profiles/" + USER)
                .put("url.query", "email=" + EMAIL)
                .put("url.full", "http://h/api/profiles/" + USER)
                .put("user_agent.original", "curl " + EMAIL)
                .put("client.address", "203.0.113.7")
                .put("enduser.id", USER)
                .put("http.request.header.authorization", "Bearer eyJ.x.y")
                .put(AttributeKey.stringArrayKey("aws.dynamodb.table_names"), List.of("UserProfiles"))
                .put("db.statement", "{\"Key\":{\"user_id\":{\"S\":\"" + USER + "\"}}}")
                .put("rpc.method", "GetItem")
                .put("error.type", EMAIL)
                .build()));

        assertEquals(Map.of("http.request.method", "GET", "http.route", "/api/profiles/{userId}",
                "http.response.status_code", 200L, "aws.dynamodb.table_names", List.of("UserProfiles"),
                "rpc.method", "GetItem"), asMap(span.getAttributes()), "error.type with an email is not a class name");
        assertEquals("GET /api/profiles/{userId}", span.getName(), "a raw path in the name becomes the template");
        assertEquals(span.getAttributes().size(), span.getTotalAttributeCount());
    }

    @Test
    void aRouteThatIsARawPathIsDropped() {
        SpanData span = AllowedSpanData.of(span("GET /api/profiles/" + USER, Attributes.builder()
                .put("http.request.method", "GET").put("http.route", "/api/profiles/" + USER).build()));

        assertNull(span.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertEquals("GET", span.getName());
    }

    @Test
    void namesThatAreCodeIdentifiersStayAndOthersAreReplaced() {
        assertEquals("DynamoDb.GetItem", AllowedSpanData.of(span("DynamoDb.GetItem", Attributes.empty())).getName());
        assertEquals(AllowedSpanData.UNNAMED, AllowedSpanData.of(span("lookup " + EMAIL, Attributes.empty())).getName());
    }

    @Test
    void exceptionEventsKeepTheClassOnlyAndOtherEventsAreDropped() {
        SpanData span = AllowedSpanData.of(TestSpanData.builder().setName("x").setKind(SpanKind.SERVER)
                .setSpanContext(context(TraceState.getDefault())).setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true)
                .setStatus(StatusData.create(StatusCode.ERROR, "failed for " + EMAIL))
                .setEvents(List.of(
                        EventData.create(1, "exception", Attributes.builder().put("exception.type", "java.lang.IllegalStateException")
                                .put("exception.message", "item " + EMAIL).put("exception.stacktrace", "at " + USER).build()),
                        EventData.create(1, "user " + USER, Attributes.builder().put("email", EMAIL).build())))
                .setLinks(List.of(LinkData.create(context(TraceState.builder().put("leak", USER).build()),
                        Attributes.builder().put("enduser.id", USER).build())))
                .setTotalRecordedEvents(2).setTotalRecordedLinks(1)
                .build());

        assertEquals(1, span.getEvents().size());
        assertEquals(Map.of("exception.type", "java.lang.IllegalStateException"), asMap(span.getEvents().get(0).getAttributes()));
        assertEquals(1, span.getTotalRecordedEvents());
        assertTrue(span.getLinks().get(0).getAttributes().isEmpty());
        assertTrue(span.getLinks().get(0).getSpanContext().getTraceState().isEmpty());
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("", span.getStatus().getDescription());
    }

    @Test
    void tracestateFromTheCallerAndUnknownResourceAttributesAreDropped() {
        SpanData span = AllowedSpanData.of(TestSpanData.builder().setName("x").setKind(SpanKind.SERVER)
                .setSpanContext(context(TraceState.builder().put("leak", USER).build()))
                .setParentSpanContext(SpanContext.createFromRemoteParent(TRACE, "b7ad6b7169203331", TraceFlags.getSampled(),
                        TraceState.builder().put("leak", USER).build()))
                .setResource(Resource.create(Attributes.builder().put("service.name", "profile-service")
                        .put("host.name", "profile-service-7d9f8c-x2x9z").put("process.command_line", "java -Dpw=" + EMAIL)
                        .put("service.version", "1.0 " + EMAIL).build()))
                .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true).setStatus(StatusData.unset()).build());

        assertTrue(span.getSpanContext().getTraceState().isEmpty());
        assertTrue(span.getParentSpanContext().getTraceState().isEmpty());
        assertTrue(span.getParentSpanContext().isRemote());
        assertEquals(TRACE, span.getTraceId());
        assertEquals(Map.of("service.name", "profile-service", "host.name", "profile-service-7d9f8c-x2x9z"),
                asMap(span.getResource().getAttributes()));
    }

    @Test
    void theProcessorHandsItsDelegateTheFilteredSpanOnly() {
        List<io.opentelemetry.sdk.trace.ReadableSpan> seen = new java.util.ArrayList<>();
        var processor = AllowListSpanProcessor.wrap(new io.opentelemetry.sdk.trace.SpanProcessor() {
            @Override
            public void onStart(io.opentelemetry.context.Context parent, io.opentelemetry.sdk.trace.ReadWriteSpan span) {
                throw new AssertionError("an exporting processor must not see a live span");
            }

            @Override
            public boolean isStartRequired() {
                return true;
            }

            @Override
            public void onEnd(io.opentelemetry.sdk.trace.ReadableSpan span) {
                seen.add(span);
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        });
        var tracer = io.opentelemetry.sdk.trace.SdkTracerProvider.builder().addSpanProcessor(processor).build().get("t");
        tracer.spanBuilder("GET /api/profiles/" + USER).setAttribute("http.request.method", "GET")
                .setAttribute("url.query", "email=" + EMAIL).startSpan().end();

        assertEquals(1, seen.size());
        assertEquals("GET", seen.get(0).getName());
        assertFalse(seen.get(0).toSpanData().toString().contains(EMAIL));
        assertFalse(seen.get(0).toSpanData().toString().contains(USER));
        assertNull(seen.get(0).getAttribute(AttributeKey.stringKey("url.query")));
    }

    private static SpanData span(String name, Attributes attributes) {
        return TestSpanData.builder().setName(name).setKind(SpanKind.SERVER).setSpanContext(context(TraceState.getDefault()))
                .setAttributes(attributes).setTotalAttributeCount(attributes.size()).setStartEpochNanos(1).setEndEpochNanos(2)
                .setHasEnded(true).setStatus(StatusData.unset()).build();
    }

    private static SpanContext context(TraceState state) {
        return SpanContext.create(TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), state);
    }

    private static Map<String, Object> asMap(Attributes attributes) {
        Map<String, Object> map = new java.util.HashMap<>();
        attributes.forEach((key, value) -> map.put(key.getKey(), value));
        return map;
    }
}
