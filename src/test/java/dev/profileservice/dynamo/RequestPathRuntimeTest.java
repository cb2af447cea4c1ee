package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.utils.ScheduledExecutorUtils;

/**
 * The runtime choices the request path's cost depends on (docs/performance.md): if one is lost to
 * a dependency or a config change, the service still works and only a benchmark would notice.
 */
@QuarkusTest
class RequestPathRuntimeTest {

    @Inject
    Vertx vertx;

    @Inject
    DynamoDbAsyncClient dynamo;

    @Test
    void eventLoopsRunOnEpollOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && Set.of("amd64", "x86_64", "aarch64").contains(System.getProperty("os.arch")), "epoll is Linux's");
        assertTrue(vertx.isNativeTransportEnabled(), "Vert.x fell back to NIO: " + vertx.unavailableNativeTransportCause());
    }

    @Test
    void sdkTimeoutsRunOnAPoolThatDropsCancelledTimers() {
        ScheduledExecutorService timers = ScheduledExecutorUtils.unwrapUnmanagedScheduledExecutor(
                dynamo.serviceClientConfiguration().overrideConfiguration().scheduledExecutorService().orElseThrow());
        assertTrue(timers instanceof ScheduledThreadPoolExecutor pool && pool.getRemoveOnCancelPolicy(),
                "the SDK's timers run on " + timers);
    }
}
