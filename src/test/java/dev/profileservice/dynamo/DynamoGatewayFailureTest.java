package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** What the circuit breaker is shown for each kind of failure, without Quarkus. */
class DynamoGatewayFailureTest {

    @Test
    void aDynamoDb5xxWithoutItsOwnClassIsShownAsTheModelled500KeepingItsStatusAndDetails() {
        DynamoDbException unavailable = answer(DynamoDbException.builder(), 503, "ServiceUnavailable");

        Throwable shown = DynamoGateway.asCounted(new CompletionException(unavailable));

        InternalServerErrorException counted = assertInstanceOf(InternalServerErrorException.class, shown);
        assertEquals(503, counted.statusCode());
        assertEquals("ServiceUnavailable", counted.awsErrorDetails().errorCode());
        assertEquals("req-1", counted.requestId());
        assertSame(unavailable, counted.getCause());
    }

    @Test
    void everyOtherFailureIsShownAsTheSdkRaisedIt() {
        DynamoDbException internal = answer(InternalServerErrorException.builder(), 500, "InternalServerError");
        DynamoDbException throttled = answer(DynamoDbException.builder(), 503, "ThrottlingException");
        DynamoDbException hot = answer(ProvisionedThroughputExceededException.builder(), 400,
                "ProvisionedThroughputExceededException");
        DynamoDbException condition = answer(ConditionalCheckFailedException.builder(), 400, "ConditionalCheckFailedException");
        DynamoDbException invalid = answer(DynamoDbException.builder(), 400, "ValidationException");
        SdkClientException unreachable = SdkClientException.create("connection refused");

        for (Throwable failure : new Throwable[] { internal, throttled, hot, condition, invalid, unreachable }) {
            assertSame(failure, DynamoGateway.asCounted(new CompletionException(failure)));
            assertSame(failure, DynamoGateway.asCounted(failure));
        }
    }

    private static DynamoDbException answer(DynamoDbException.Builder builder, int status, String code) {
        return (DynamoDbException) builder.statusCode(status).requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
                .build();
    }
}
