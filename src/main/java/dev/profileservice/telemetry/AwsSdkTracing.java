package dev.profileservice.telemetry;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The AWS SDK tracing interceptor that {@code quarkus.dynamodb.telemetry.enabled} installs on the
 * DynamoDB client, for SDK clients the service builds itself (the KMS client of crypto/). Empty when
 * the SDK telemetry bean is absent, so those clients work the same without tracing.
 */
@ApplicationScoped
public class AwsSdkTracing {

    private final Instance<AwsSdkTelemetry> telemetry;

    AwsSdkTracing(Instance<AwsSdkTelemetry> telemetry) {
        this.telemetry = telemetry;
    }

    public List<ExecutionInterceptor> interceptors() {
        return telemetry.isResolvable() ? List.of(telemetry.get().newExecutionInterceptor()) : List.of();
    }
}
