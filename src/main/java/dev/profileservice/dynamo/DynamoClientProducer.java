package dev.profileservice.dynamo;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * The DynamoDB client, as the extension configures it, with two changes.
 * <ul>
 * <li>Throttling retries that fit the api-call timeout. DynamoDB's own default backs off from 500 ms
 * over up to 9 attempts, so a hot partition outlives the 1.5 s budget and surfaces as a timeout, which
 * the circuit breaker must count as an outage. Bounded here, a throttled call ends as a throttling
 * error, which it does not.</li>
 * <li>Its own timer for the api-call and attempt timeouts. The SDK arms two timers per call and
 * cancels both when the answer comes, a few milliseconds later. On Quarkus' shared scheduler each
 * cancellation of the earliest timer woke its scheduler thread (6 % of the service's CPU under
 * load, docs/performance.md). A JDK scheduled pool that removes cancelled timers wakes only when a
 * timer is due.</li>
 * </ul>
 * Singleton, not application-scoped: the client is called on every request, and a client proxy
 * would look the instance up on each call.
 */
@Singleton
public class DynamoClientProducer {

    static final int MAX_ATTEMPTS = 3;
    static final BackoffStrategy THROTTLED_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofMillis(250));

    private final ScheduledThreadPoolExecutor timers = timers();

    @Produces
    @Singleton
    DynamoDbAsyncClient client(DynamoDbAsyncClientBuilder builder) {
        ClientOverrideConfiguration configured = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = configured == null ? ClientOverrideConfiguration.builder()
                : configured.toBuilder();
        return builder.overrideConfiguration(override
                .scheduledExecutorService(timers)
                .retryStrategy(retries -> retries.maxAttempts(MAX_ATTEMPTS).throttlingBackoffStrategy(THROTTLED_BACKOFF))
                .build())
                .build();
    }

    void close(@Disposes DynamoDbAsyncClient client) {
        client.close();
        timers.shutdownNow();
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "dynamodb-timer");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }
}
