package dev.profileservice.dev;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.Attributes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Dev mode only: demo profiles for the OIDC Dev Services users alice and bob (whose {@code sub}
 * is their user name), written as a legacy system would, with sensitive attributes planted
 * beside ours, so that what the API hides can be seen hidden. Existing items are left alone.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private final DynamoDbAsyncClient dynamo;
    private final ProfileConfig config;

    DemoDataSeeder(DynamoDbAsyncClient dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.bootstrap().seedDemoData()) {
            seed("alice", "Alice Liddell", "+14155552671", "demo-hash-alice-not-a-real-hash", "219099999",
                    List.of("vip", "mfa_enrolled"));
            seed("bob", "Bob Builder", "+442079460958", "demo-hash-bob-not-a-real-hash", "078051120",
                    List.of("chargeback_review"));
        }
    }

    private void seed(String user, String name, String phone, String passwordHash, String ssn, List<String> flags) {
        String now = Instant.now().toString();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Attributes.USER_ID, AttributeValue.fromS(user));
        item.put(Attributes.SORT_KEY, AttributeValue.fromS(Attributes.PROFILE_SORT_KEY));
        item.put("display_name", AttributeValue.fromS(name));
        item.put("avatar_url", AttributeValue.fromS("https://avatars.example.org/" + user + ".png"));
        item.put(Attributes.EMAIL, AttributeValue.fromS(user + "@example.org"));
        item.put("phone", AttributeValue.fromS(phone));
        item.put("locale", AttributeValue.fromS("en-GB"));
        item.put("preferences", AttributeValue.fromM(Map.of("theme", AttributeValue.fromS("dark"))));
        item.put(Attributes.SSN, AttributeValue.fromS(ssn));
        item.put(Attributes.SSN_LAST4, AttributeValue.fromS(ssn.substring(5)));
        item.put("password_hash", AttributeValue.fromS(passwordHash));
        item.put("internal_notes", AttributeValue.fromS("demo note about " + user + ": only admins see this"));
        item.put("account_flags", AttributeValue.fromSs(flags));
        item.put(Attributes.VERSION, AttributeValue.fromN("1"));
        item.put(Attributes.CREATED_AT, AttributeValue.fromS(now));
        item.put(Attributes.UPDATED_AT, AttributeValue.fromS(now));
        try {
            dynamo.putItem(r -> r.tableName(config.table()).item(item).conditionExpression("attribute_not_exists(user_id)"))
                    .join();
            Log.infof("Seeded demo profile for %s", user);
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ConditionalCheckFailedException)) {
                throw e;
            }
        }
    }
}
