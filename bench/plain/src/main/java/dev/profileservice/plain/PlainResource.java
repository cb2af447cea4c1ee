package dev.profileservice.plain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The whole comparison service: a verified token's sub, one GetItem on it, the item's strings as JSON. */
@Path("/plain/profile")
@Authenticated
public class PlainResource {

    private final DynamoDbAsyncClient client;
    private final JsonWebToken token;

    PlainResource(DynamoDbAsyncClient client, JsonWebToken token) {
        this.client = client;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, String>> get() {
        Map<String, AttributeValue> key = Map.of("user_id", AttributeValue.fromS(token.getSubject()),
                "sk", AttributeValue.fromS("PROFILE"));
        return Uni.createFrom().completionStage(() -> client.getItem(b -> b.tableName("UserProfiles").key(key)))
                .map(response -> {
                    Map<String, String> body = new LinkedHashMap<>();
                    response.item().forEach((name, value) -> {
                        if (value.s() != null || value.n() != null) {
                            body.put(name, value.s() != null ? value.s() : value.n());
                        }
                    });
                    return body;
                });
    }
}
