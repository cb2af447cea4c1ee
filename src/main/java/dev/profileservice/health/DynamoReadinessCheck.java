package dev.profileservice.health;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.profileservice.config.ProfileConfig;
import io.quarkus.logging.Log;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Ready when the table answers and is ACTIVE. The response carries only UP or DOWN: the
 * reason goes to the log, once per change, never to the caller.
 */
@Readiness
@ApplicationScoped
public class DynamoReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "dynamodb";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DynamoDbAsyncClient dynamo;
    private final ProfileConfig config;
    private final AtomicReference<String> lastProblem = new AtomicReference<>("");

    DynamoReadinessCheck(DynamoDbAsyncClient dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> dynamo.describeTable(r -> r.tableName(config.table())))
                .ifNoItem().after(TIMEOUT).fail()
                .map(r -> r.table().tableStatus() == TableStatus.ACTIVE
                        ? up()
                        : down("table " + config.table() + " is " + r.table().tableStatusAsString()))
                .onFailure().recoverWithItem(this::failed);
    }

    private HealthCheckResponse failed(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof CompletionException
                ? failure.getCause()
                : failure;
        if (cause instanceof ResourceNotFoundException) {
            return down("table " + config.table() + " does not exist; in prod the service never creates it,"
                    + " provision it with infrastructure (see README, Data model)");
        }
        return down("DynamoDB is unreachable: " + cause.getClass().getSimpleName());
    }

    private HealthCheckResponse up() {
        if (!lastProblem.getAndSet("").isEmpty()) {
            Log.info("Readiness: DynamoDB table reachable again");
        }
        return HealthCheckResponse.up(NAME);
    }

    private HealthCheckResponse down(String reason) {
        if (!reason.equals(lastProblem.getAndSet(reason))) {
            Log.warnf("Readiness DOWN: %s", reason);
        }
        return HealthCheckResponse.down(NAME);
    }
}
