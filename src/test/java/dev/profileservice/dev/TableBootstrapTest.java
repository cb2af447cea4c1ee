package dev.profileservice.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.profileservice.config.ProfileConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Table creation racing another instance, without Quarkus: the race cannot be timed against a
 * real engine, so the engine's answers are scripted. Whoever created the table, startup
 * continues only once it is ACTIVE.
 */
class TableBootstrapTest {

    /** Answers DescribeTable from a script and fails CreateTable as a concurrent creator would make it fail. */
    static final class RacingEngine implements DynamoDbAsyncClient {
        final Deque<Object> describes = new ArrayDeque<>();
        int describeCalls;

        @Override
        public CompletableFuture<DescribeTableResponse> describeTable(DescribeTableRequest request) {
            describeCalls++;
            Object next = describes.size() > 1 ? describes.poll() : describes.peek();
            if (next instanceof RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            return CompletableFuture.completedFuture(DescribeTableResponse.builder()
                    .table(TableDescription.builder().tableName(request.tableName()).tableStatus((TableStatus) next).build())
                    .build());
        }

        @Override
        public CompletableFuture<CreateTableResponse> createTable(CreateTableRequest request) {
            return CompletableFuture.failedFuture(ResourceInUseException.builder().message("Table already exists").build());
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aTableCreatedConcurrentlyIsStillAwaitedUntilActive() {
        RacingEngine engine = new RacingEngine();
        engine.describes.addAll(List.of(ResourceNotFoundException.builder().message("not found").build(),
                TableStatus.CREATING, TableStatus.CREATING, TableStatus.ACTIVE));

        new TableBootstrap(engine, config("UserProfiles")).ensureTable();

        assertEquals(4, engine.describeCalls, "one to find it missing, then until ACTIVE");
    }

    /** Only the table name matters here; a proxy keeps the stub independent of the mapping's other groups. */
    private static ProfileConfig config(String table) {
        return (ProfileConfig) Proxy.newProxyInstance(ProfileConfig.class.getClassLoader(), new Class<?>[] { ProfileConfig.class },
                (proxy, method, args) -> method.getName().equals("table") ? table : null);
    }
}
