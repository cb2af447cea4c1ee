package dev.profileservice.support;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * DynamoDB answering every attempt with {@code 503 ServiceUnavailable}, as it does while a region is in trouble. The
 * SDK models no class for it: the answer arrives as a plain {@link DynamoDbException}, and the SDK retries it as it
 * would a real one ({@link CapturingInterceptor} raises it before each transmission).
 */
public final class ServerErrors {

    private static volatile boolean unavailable;

    private ServerErrors() {
    }

    public static void start() {
        unavailable = true;
    }

    public static void stop() {
        unavailable = false;
    }

    static void check() {
        if (unavailable) {
            throw DynamoDbException.builder().statusCode(503)
                    .message("Service unavailable")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable")
                            .errorMessage("Service unavailable").build())
                    .build();
        }
    }
}
