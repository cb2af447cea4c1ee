package dev.profileservice.dynamo;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The DynamoDB client, as the extension configures it, with throttling retries that fit the
 * api-call timeout. DynamoDB's own default backs off from 500 ms over up to 9 attempts, so a hot
 * partition outlives the 1.5 s budget and surfaces as a timeout, which the circuit breaker must
 * count as an outage. Bounded here, a throttled call ends as a throttling error, which it does not.
 */
@ApplicationScoped
public class DynamoClientProducer {

    static final int MAX_ATTEMPTS = 3;
    static final BackoffStrategy THROTTLED_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(250));

    @Produces
    @ApplicationScoped
    DynamoDbAsyncClient client(DynamoDbAsyncClientBuilder builder) {
        ClientOverrideConfiguration configured = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = configured == null ? ClientOverrideConfiguration.builder()
                : configured.toBuilder();
        return builder.overrideConfiguration(override
                .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS).throttlingBackoffStrategy(THROTTLED_BACKOFF))
                .build())
                .build();
    }

    void close(@Disposes DynamoDbAsyncClient client) {
        client.close();
    }
}
