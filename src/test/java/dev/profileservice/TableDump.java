package dev.profileservice;

import java.net.URI;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Reads the local table directly, without the service, for tests that run the packaged jar. */
final class TableDump {

    private TableDump() {
    }

    private static DynamoDbAsyncClient client(String endpoint) {
        return DynamoDbAsyncClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /**
     * What a point-in-time or backup restore produces: a table under a new name with the source's keys and
     * indexes, holding every item byte for byte. Returns how many items were copied.
     */
    static int restoreAs(String endpoint, String source, String restored) {
        try (DynamoDbAsyncClient client = client(endpoint)) {
            TableDescription table = client.describeTable(r -> r.tableName(source)).join().table();
            client.createTable(r -> r.tableName(restored).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(table.keySchema()).attributeDefinitions(table.attributeDefinitions())
                    .globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(index -> GlobalSecondaryIndex.builder()
                            .indexName(index.indexName()).keySchema(index.keySchema()).projection(index.projection()).build())
                            .toList())).join();
            int copied = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                ScanResponse page = client.scan(r -> r.tableName(source).consistentRead(true).exclusiveStartKey(from)).join();
                for (Map<String, AttributeValue> item : page.items()) {
                    client.putItem(r -> r.tableName(restored).item(item)).join();
                    copied++;
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return copied;
        }
    }

    /** How many of these owners have a profile item. */
    static int profiles(String endpoint, List<String> owners) {
        try (DynamoDbAsyncClient client = client(endpoint)) {
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
