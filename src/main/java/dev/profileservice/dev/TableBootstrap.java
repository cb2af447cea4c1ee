package dev.profileservice.dev;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.Attributes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the table in dev and test, where no infrastructure does. Idempotent: an existing
 * table is left alone. In prod {@code profile.bootstrap.create-table} is false and this does nothing.
 */
@ApplicationScoped
public class TableBootstrap {

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    /**
     * The request path's fail-fast timeouts (1.5 s a call) are too tight for the first calls of a cold JVM to a local
     * engine on a busy machine, and a failed bootstrap fails the start; these calls get their own, longer ones.
     */
    private static final AwsRequestOverrideConfiguration PATIENT = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(10)).apiCallAttemptTimeout(Duration.ofSeconds(5)).build();

    private final DynamoDbAsyncClient dynamo;
    private final ProfileConfig config;

    TableBootstrap(DynamoDbAsyncClient dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.bootstrap().createTable()) {
            ensureTable();
        }
    }

    public void ensureTable() {
        String table = config.table();
        try {
            if (!exists(table)) {
                create(table);
                Log.infof("Created table %s with index %s", table, Attributes.EMAIL_INDEX);
            }
        } catch (ResourceInUseException e) {
            Log.debugf("Table %s was created concurrently", table);
        }
        // Also after a concurrent create: the other creator's table may still be CREATING.
        awaitActive(table);
    }

    private boolean exists(String table) {
        try {
            await(dynamo.describeTable(r -> r.tableName(table).overrideConfiguration(PATIENT)));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private void create(String table) {
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(table)
                .overrideConfiguration(PATIENT)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(Attributes.USER_ID),
                        attribute(Attributes.SORT_KEY),
                        attribute(Attributes.EMAIL_HMAC))
                .keySchema(key(Attributes.USER_ID, KeyType.HASH), key(Attributes.SORT_KEY, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(Attributes.EMAIL_INDEX)
                        // Keyed on the blind index: no plaintext email is ever an index key.
                        .keySchema(key(Attributes.EMAIL_HMAC, KeyType.HASH))
                        // KEYS_ONLY: the index carries no profile data, only the keys to look it up by.
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .build();
        await(dynamo.createTable(request));
    }

    private void awaitActive(String table) {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var status = await(dynamo.describeTable(r -> r.tableName(table).overrideConfiguration(PATIENT))).table().tableStatus();
            if (status == TableStatus.ACTIVE) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Table " + table + " did not become ACTIVE within " + STARTUP_WAIT);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(STARTUP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bootstrapping the table", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("DynamoDB did not answer within " + STARTUP_WAIT, e);
        }
    }
}
