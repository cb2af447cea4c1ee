package dev.profileservice.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The interceptor's counting, driven through the hooks the SDK calls, attempt by attempt. */
class DynamoMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DynamoMetrics metrics = new DynamoMetrics(registry);

    @Test
    void aCallThatTookThreeAttemptsCountsTwoRetriesAndOneTimedCall() {
        ExecutionAttributes call = start("GetItem");
        for (int attempt = 0; attempt < 3; attempt++) {
            metrics.beforeTransmission(null, call);
        }
        metrics.afterExecution(null, call);

        assertEquals(1, registry.get(DynamoMetrics.CALLS).tags("operation", "GetItem", "outcome", "success", "error", "none")
                .timer().count());
        assertEquals(2.0, registry.get(DynamoMetrics.RETRIES).tags("operation", "GetItem").counter().count());
    }

    @Test
    void successesOfAnOperationShareOneTimerAndFailuresStaySeparate() {
        for (int i = 0; i < 3; i++) {
            ExecutionAttributes call = start("GetItem");
            metrics.beforeTransmission(null, call);
            metrics.afterExecution(null, call);
        }
        ExecutionAttributes failed = start("GetItem");
        metrics.beforeTransmission(null, failed);
        metrics.onExecutionFailure(failed(ProvisionedThroughputExceededException.builder().message("throttled").build()), failed);
        ExecutionAttributes other = start("Query");
        metrics.beforeTransmission(null, other);
        metrics.afterExecution(null, other);

        assertEquals(3, registry.get(DynamoMetrics.CALLS).tags("operation", "GetItem", "outcome", "success").timer().count());
        assertEquals(1, registry.get(DynamoMetrics.CALLS).tags("operation", "GetItem", "outcome", "error").timer().count());
        assertEquals(1, registry.get(DynamoMetrics.CALLS).tags("operation", "Query", "outcome", "success").timer().count());
    }

    @Test
    void aFailedCallIsLabelledWithTheExceptionClassOnly() {
        ExecutionAttributes call = start("Query");
        metrics.beforeTransmission(null, call);
        metrics.onExecutionFailure(failed(ProvisionedThroughputExceededException.builder()
                .message("Throughput exceeded for key {user_id=victim@example.org}").build()), call);

        assertEquals(1, registry.get(DynamoMetrics.CALLS)
                .tags("operation", "Query", "outcome", "error", "error", "ProvisionedThroughputExceededException").timer().count());
        assertEquals(0, registry.find(DynamoMetrics.RETRIES).counters().size(), "one attempt: no retry");
        registry.getMeters().forEach(meter -> meter.getId().getTags()
                .forEach(tag -> assertEquals(false, tag.getValue().contains("@"), "label " + tag)));
    }

    private ExecutionAttributes start(String operation) {
        ExecutionAttributes attributes = new ExecutionAttributes();
        attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
        metrics.beforeExecution(null, attributes);
        return attributes;
    }

    private static Context.FailedExecution failed(Throwable exception) {
        return new Context.FailedExecution() {
            @Override
            public Throwable exception() {
                return exception;
            }

            @Override
            public SdkRequest request() {
                return null;
            }

            @Override
            public Optional<SdkHttpRequest> httpRequest() {
                return Optional.empty();
            }

            @Override
            public Optional<SdkHttpResponse> httpResponse() {
                return Optional.empty();
            }

            @Override
            public Optional<SdkResponse> response() {
                return Optional.empty();
            }
        };
    }
}
