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
 * hot partition never fails everyone else's requests. There is deliberately no scan here.
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
        return Uni.createFrom().completionStage(call)
                .onFailure(CompletionException.class).transform(Throwable::getCause);
    }
}
