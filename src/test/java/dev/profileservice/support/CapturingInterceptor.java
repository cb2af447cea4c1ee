package dev.profileservice.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Records every request the service's DynamoDB client sends (registered for the test profile
 * through {@code quarkus.dynamodb.interceptors}), so tests can inspect keys and projections.
 */
public class CapturingInterceptor implements ExecutionInterceptor {

    private static final List<SdkRequest> REQUESTS = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        REQUESTS.add(context.request());
    }

    public static void clear() {
        REQUESTS.clear();
    }

    public static List<SdkRequest> requests() {
        return List.copyOf(REQUESTS);
    }
}
