package dev.profileservice.telemetry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;

/**
 * The only span and resource attributes that may leave the process, each with the shape its value
 * must have. Anything not listed here is dropped, whatever instrumentation adds tomorrow; a listed
 * key whose value does not have its shape is dropped too. docs/telemetry.md explains each entry.
 */
public final class SpanAllowList {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "CONNECT", "_OTHER");

    /** A route template: literal segments and {@code {name}} placeholders, as JAX-RS declares them. */
    static final Pattern ROUTE = Pattern.compile("/|(/([a-z]+|\\{[A-Za-z]+\\}))+");
    /** An exception class or an HTTP status code, as {@code error.type} carries them. */
    private static final Pattern ERROR_TYPE = Pattern.compile("[A-Za-z0-9_$.]{1,200}");
    /** An AWS operation or service name such as {@code GetItem}, {@code DynamoDb}, {@code aws-api}. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** A DynamoDB table name. */
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    /** Resource values are set by the operator and the SDK; this keeps them to names and versions. */
    private static final Pattern RESOURCE_VALUE = Pattern.compile("[A-Za-z0-9_.:/+-]{1,128}");

    private static final Map<String, Predicate<Object>> SPAN = Map.ofEntries(
            Map.entry("http.request.method", METHODS::contains),
            Map.entry("http.route", matches(ROUTE)),
            Map.entry("http.response.status_code", SpanAllowList::isNumber),
            Map.entry("error.type", matches(ERROR_TYPE)),
            Map.entry("rpc.system", matches(IDENTIFIER)),
            Map.entry("rpc.service", matches(IDENTIFIER)),
            Map.entry("rpc.method", matches(IDENTIFIER)),
            Map.entry("db.system", matches(IDENTIFIER)),
            Map.entry("db.system.name", matches(IDENTIFIER)),
            Map.entry("db.operation", matches(IDENTIFIER)),
            Map.entry("db.operation.name", matches(IDENTIFIER)),
            Map.entry("aws.dynamodb.table_names", matches(TABLE)),
            Map.entry("db.collection.name", matches(TABLE)),
            Map.entry("http.request.resend_count", SpanAllowList::isNumber));

    private static final Map<String, Predicate<Object>> EXCEPTION_EVENT = Map.of(
            "exception.type", matches(ERROR_TYPE));

    private static final Predicate<Object> RESOURCE_SHAPE = matches(RESOURCE_VALUE);
    private static final Set<String> RESOURCE = Set.of("service.name", "service.namespace", "service.version",
            "deployment.environment", "deployment.environment.name", "host.name", "k8s.namespace.name", "k8s.pod.name",
            "telemetry.sdk.name", "telemetry.sdk.language", "telemetry.sdk.version", "webengine.name", "webengine.version");

    private SpanAllowList() {
    }

    /** Every span attribute key that can leave the process. */
    public static Set<String> spanKeys() {
        return SPAN.keySet();
    }

    public static Set<String> exceptionEventKeys() {
        return EXCEPTION_EVENT.keySet();
    }

    public static Set<String> resourceKeys() {
        return RESOURCE;
    }

    static Attributes spanAttributes(Attributes attributes) {
        return keep(attributes, SPAN::get);
    }

    static Attributes exceptionEventAttributes(Attributes attributes) {
        return keep(attributes, EXCEPTION_EVENT::get);
    }

    static Attributes resourceAttributes(Attributes attributes) {
        return keep(attributes, key -> RESOURCE.contains(key) ? RESOURCE_SHAPE : null);
    }

    /** {@code shapeOf} gives the shape a key's value must have, or null for a key that is not allowed. */
    @SuppressWarnings("unchecked")
    private static Attributes keep(Attributes attributes, Function<String, Predicate<Object>> shapeOf) {
        AttributesBuilder kept = Attributes.builder();
        attributes.forEach((key, value) -> {
            Predicate<Object> shape = shapeOf.apply(key.getKey());
            if (shape != null && hasShape(value, shape)) {
                kept.put((AttributeKey<Object>) key, value);
            }
        });
        return kept.build();
    }

    /** A list value passes only when every element has the shape. */
    private static boolean hasShape(Object value, Predicate<Object> shape) {
        if (value instanceof List<?> list) {
            return !list.isEmpty() && list.stream().allMatch(shape);
        }
        return shape.test(value);
    }

    private static Predicate<Object> matches(Pattern pattern) {
        return value -> value instanceof String s && pattern.matcher(s).matches();
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }
}
