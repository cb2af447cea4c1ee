package dev.profileservice.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * Records every request the service's DynamoDB client sends (registered for the test profile
 * through {@code quarkus.dynamodb.interceptors}), so tests can inspect keys and projections.
 * Reads of the {@link Faults} users fail the way a real backend can, with sensitive text
 * in the failure, so tests can check that none of it reaches a client or a log line; the
 * partitions of {@link Throttles} users are throttled, and while {@link ServerErrors} runs every attempt gets a 503.
 */
public class CapturingInterceptor implements ExecutionInterceptor {

    private static final List<SdkRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        REQUESTS.add(context.request());
        if (context.request() instanceof GetItemRequest get && get.key().containsKey("user_id")) {
            String user = get.key().get("user_id").s();
            if (Faults.ITEM_IN_ERROR.equals(user)) {
                throw DynamoDbException.builder().statusCode(400)
                        .message("Validation failed for item " + Faults.itemText())
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException")
                                .errorMessage("Validation failed for item " + Faults.itemText()).build())
                        .build();
            }
            if (Faults.SECRET_IN_CAUSE.equals(user)) {
                throw new IllegalStateException("wrapper failure",
                        new IllegalArgumentException("upstream said " + Faults.secretText()));
            }
        }
    }

    /** Runs before every attempt, retries included, where a real throttle would strike. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Throttles.check(context.request());
        ServerErrors.check();
    }

    public static void clear() {
        REQUESTS.clear();
    }

    public static List<SdkRequest> requests() {
        return List.copyOf(REQUESTS);
    }
}
