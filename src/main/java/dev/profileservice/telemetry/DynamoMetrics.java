package dev.profileservice.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Latency, errors and retries of every DynamoDB call, by operation (registered through
 * {@code quarkus.dynamodb.interceptors}). Labels are the operation name, the outcome and the
 * exception class: never a key, a table item or an error message.
 * <p>
 * Singleton, not application-scoped: the SDK calls an interceptor at each of a call's dozen
 * stages, and through a client proxy each of those calls looked the instance up.
 */
@Singleton
public class DynamoMetrics implements ExecutionInterceptor {

    static final String CALLS = "profile.dynamodb.calls";
    static final String RETRIES = "profile.dynamodb.retries";

    /**
     * The SDK refuses two attributes of one name; a test run loads this class once per application
     * start, so the name carries this class object's identity.
     */
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>(
            DynamoMetrics.class.getName() + ".call@" + Integer.toHexString(System.identityHashCode(DynamoMetrics.class)));

    private final MeterRegistry registry;
    /** The timer of each operation's successful calls, the outcome of nearly every call: built once, not per call. */
    private final Map<String, Timer> successes = new ConcurrentHashMap<>();

    DynamoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One API call: when it started and how many HTTP attempts it took. */
    private static final class Call {
        final long start = System.nanoTime();
        int attempts;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CALL, new Call());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempts++;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, null);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.exception());
    }

    private void record(ExecutionAttributes attributes, Throwable failure) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        String operation = String.valueOf(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        Timer timer = failure == null
                ? successes.computeIfAbsent(operation, name -> timer(name, "success", "none"))
                : timer(operation, "error", failure.getClass().getSimpleName());
        timer.record(System.nanoTime() - call.start, TimeUnit.NANOSECONDS);
        if (call.attempts > 1) {
            Counter.builder(RETRIES).description("DynamoDB HTTP attempts beyond the first")
                    .tag("operation", operation).register(registry).increment(call.attempts - 1);
        }
    }

    private Timer timer(String operation, String outcome, String error) {
        return Timer.builder(CALLS)
                .description("DynamoDB API calls, retries included")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .tag("error", error)
                .publishPercentileHistogram()
                .register(registry);
    }
}
