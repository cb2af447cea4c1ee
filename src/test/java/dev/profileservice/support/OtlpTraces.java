package dev.profileservice.support;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;

/**
 * Decodes OTLP {@code ExportTraceServiceRequest} bytes by field number (opentelemetry-proto's
 * trace.proto), without generated classes: enough to read back what the service exported.
 */
public final class OtlpTraces {

    private static final String[] KINDS = { "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER" };

    /** One exported span: resource and span attributes, exception event attributes, as they went out. */
    public record Span(String traceId, String spanId, String parentSpanId, String traceState, String name, String kind,
            Map<String, String> attributes, List<Map<String, String>> events, List<Map<String, String>> links,
            String status, Map<String, String> resource, long durationNanos) {

        @Override
        public String toString() {
            return kind + " \"" + name + "\" trace=" + traceId + " span=" + spanId + " parent=" + parentSpanId + " "
                    + (durationNanos / 1000) + "us status=" + status + " attributes=" + attributes
                    + (events.isEmpty() ? "" : " events=" + events);
        }
    }

    private OtlpTraces() {
    }

    /** A gRPC body starts with a 5-byte frame header; an OTLP/HTTP body is the message itself. */
    public static List<Span> decode(byte[] body, boolean grpc) {
        byte[] message = grpc ? java.util.Arrays.copyOfRange(body, 5, body.length) : body;
        List<Span> spans = new ArrayList<>();
        for (UnknownFieldSet resourceSpans : messages(parse(message), 1)) {
            Map<String, String> resource = messages(resourceSpans, 1).stream().findFirst()
                    .map(r -> keyValues(r, 1)).orElse(Map.of());
            for (UnknownFieldSet scopeSpans : messages(resourceSpans, 2)) {
                for (UnknownFieldSet span : messages(scopeSpans, 2)) {
                    spans.add(span(span, resource));
                }
            }
        }
        return spans;
    }

    private static Span span(UnknownFieldSet span, Map<String, String> resource) {
        long start = first(span.getField(7).getFixed64List());
        long end = first(span.getField(8).getFixed64List());
        String status = messages(span, 15).stream().findFirst()
                .map(s -> "code=" + first(s.getField(3).getVarintList()) + " message='" + string(s, 2) + "'").orElse("");
        return new Span(hex(span, 1), hex(span, 2), hex(span, 4), string(span, 3), string(span, 5),
                KINDS[(int) first(span.getField(6).getVarintList())], keyValues(span, 9),
                messages(span, 11).stream().map(e -> withName(string(e, 2), keyValues(e, 3))).toList(),
                messages(span, 13).stream().map(l -> withName(string(l, 3), keyValues(l, 4))).toList(),
                status, resource, end - start);
    }

    private static Map<String, String> withName(String name, Map<String, String> attributes) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("(name)", name);
        all.putAll(attributes);
        return all;
    }

    private static Map<String, String> keyValues(UnknownFieldSet message, int field) {
        Map<String, String> values = new LinkedHashMap<>();
        for (UnknownFieldSet keyValue : messages(message, field)) {
            values.put(string(keyValue, 1), messages(keyValue, 2).stream().findFirst().map(OtlpTraces::anyValue).orElse(""));
        }
        return values;
    }

    /** AnyValue: 1 string, 2 bool, 3 int, 4 double, 5 array. */
    private static String anyValue(UnknownFieldSet value) {
        if (value.hasField(1)) {
            return string(value, 1);
        }
        if (value.hasField(5)) {
            return messages(value, 5).stream().flatMap(array -> messages(array, 1).stream())
                    .map(OtlpTraces::anyValue).collect(Collectors.joining(",", "[", "]"));
        }
        if (value.hasField(4)) {
            return String.valueOf(Double.longBitsToDouble(first(value.getField(4).getFixed64List())));
        }
        return String.valueOf(first(value.hasField(2) ? value.getField(2).getVarintList() : value.getField(3).getVarintList()));
    }

    private static List<UnknownFieldSet> messages(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().stream().map(OtlpTraces::parse).toList();
    }

    private static String string(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().stream().findFirst().map(ByteString::toStringUtf8).orElse("");
    }

    private static String hex(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().stream().findFirst()
                .map(bytes -> HexFormat.of().formatHex(bytes.toByteArray())).orElse("");
    }

    private static long first(List<Long> values) {
        return values.isEmpty() ? 0 : values.get(0);
    }

    private static UnknownFieldSet parse(ByteString bytes) {
        return parse(bytes.toByteArray());
    }

    private static UnknownFieldSet parse(byte[] bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("not an OTLP message", e);
        }
    }
}
