package dev.profileservice.dynamo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The only door to DynamoDB for request handling. Calls are lazy (one call per subscription)
 * and non-blocking; a circuit breaker makes requests fail fast while the backend is down and
 * closes again on its own. Only backend trouble trips it: a failed condition is an answer, and
 * throttling is one partition (or one account quota) running hot, not an outage, so one user's
 * hot partition never fails everyone else's requests. Backend trouble is the SDK's client-side failures (no
 * connection, timeouts) and DynamoDB's 5xx answers ({@link #asCounted}). There is deliberately no scan here.
 */
@Singleton
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 3000, successThreshold = 2,
        failOn = { SdkClientException.class, InternalServerErrorException.class },
        skipOn = { ProvisionedThroughputExceededException.class, RequestLimitExceededException.class,
                ThrottlingException.class })
public class DynamoGateway {

    private final DynamoDbAsyncClient client;

    DynamoGateway(DynamoDbAsyncClient client) {
        this.client = client;
    }

    public Uni<GetItemResponse> getItem(GetItemRequest request) {
        return call(() -> client.getItem(request));
    }

    public Uni<QueryResponse> query(QueryRequest request) {
        return call(() -> client.query(request));
    }

    public Uni<UpdateItemResponse> updateItem(UpdateItemRequest request) {
        return call(() -> client.updateItem(request));
    }

    public Uni<DeleteItemResponse> deleteItem(DeleteItemRequest request) {
        return call(() -> client.deleteItem(request));
    }

    public Uni<BatchWriteItemResponse> batchWriteItem(BatchWriteItemRequest request) {
        return call(() -> client.batchWriteItem(request));
    }

    private static <T> Uni<T> call(Supplier<CompletableFuture<T>> call) {
        return Uni.createFrom().completionStage(call).onFailure().transform(DynamoGateway::asCounted);
    }

    /**
     * The failure the breaker is shown: the SDK's, out of its {@code CompletionException}. DynamoDB models only its
     * 500 ({@code InternalServerErrorException}); a 503 or any other 5xx arrives as a plain {@code DynamoDbException},
     * which {@code failOn} cannot tell from a 400. Those are raised as the modelled class, with the same status,
     * details and request id and the original as cause, so the breaker counts them and everything after it (the
     * problem mapper, the backfill) still reads the same status. Throttling keeps its own class.
     */
    static Throwable asCounted(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof DynamoDbException e && !(e instanceof InternalServerErrorException) && e.statusCode() >= 500
                && !e.isThrottlingException()) {
            return InternalServerErrorException.builder()
                    .statusCode(e.statusCode())
                    .awsErrorDetails(e.awsErrorDetails())
                    .requestId(e.requestId())
                    .message(e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage())
                    .cause(e)
                    .build();
        }
        return cause;
    }
}
