package dev.profileservice;

import java.net.URI;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the local table directly, without the service, for tests that run the packaged jar. */
final class TableDump {

    private TableDump() {
    }

    /** How many of these owners have a profile item. */
    static int profiles(String endpoint, List<String> owners) {
        try (DynamoDbAsyncClient client = DynamoDbAsyncClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            int found = 0;
            for (String owner : owners) {
                var item = client.getItem(r -> r.tableName("UserProfiles").consistentRead(true)
                        .key(Map.of("user_id", AttributeValue.fromS(owner), "sk", AttributeValue.fromS("PROFILE"))))
                        .join();
                found += item.hasItem() && !item.item().isEmpty() ? 1 : 0;
            }
            return found;
        }
    }
}
