package dev.profileservice.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Hot partitions for tests: every attempt at a throttled user's partition fails as DynamoDB fails
 * a hot partition, with {@code ProvisionedThroughputExceededException}, so the SDK retries it as
 * it would a real one ({@link CapturingInterceptor} raises it before each transmission).
 */
public final class Throttles {

    private static final Set<String> HOT = ConcurrentHashMap.newKeySet();

    private Throttles() {
    }

    public static void throttle(String userId) {
        HOT.add(userId);
    }

    public static void release(String userId) {
        HOT.remove(userId);
    }

    static void check(SdkRequest request) {
        if (!HOT.isEmpty() && HOT.stream().anyMatch(user -> touches(request, AttributeValue.fromS(user)))) {
            throw ProvisionedThroughputExceededException.builder().statusCode(400)
                    .message("The level of configured provisioned throughput for the table was exceeded")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("The level of configured provisioned throughput for the table was exceeded").build())
                    .build();
        }
    }

    private static boolean touches(SdkRequest request, AttributeValue user) {
        if (request instanceof GetItemRequest get) {
            return user.equals(get.key().get("user_id"));
        }
        if (request instanceof UpdateItemRequest update) {
            return user.equals(update.key().get("user_id"));
        }
        if (request instanceof DeleteItemRequest delete) {
            return user.equals(delete.key().get("user_id"));
        }
        if (request instanceof QueryRequest query) {
            return query.hasExpressionAttributeValues() && query.expressionAttributeValues().containsValue(user);
        }
        return false;
    }
}
