package dev.profileservice.address;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.profileservice.config.ProfileConfig;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.DynamoGateway;
import dev.profileservice.dynamo.ItemKey;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The gate of every new address: the set of the owner's address ids on the profile item, moved by
 * conditional updates (dynalite has no transactions). A slot is taken only while the profile exists
 * and the set holds fewer ids than the cap, so concurrent POSTs never take more slots than the cap;
 * erasure deletes the profile item first, which shuts the gate. A set, not a number: the SDK retries
 * a timed-out update that may have landed, and adding or removing the same id twice changes nothing.
 */
@ApplicationScoped
public class AddressCounter {

    public enum Slot { TAKEN, FULL, NO_PROFILE }

    private static final Map<String, String> NAMES = Map.of("#pk", Attributes.USER_ID, "#s", Attributes.ADDRESS_SLOTS);

    private final DynamoGateway dynamo;
    private final ProfileConfig config;

    AddressCounter(DynamoGateway dynamo, ProfileConfig config) {
        this.dynamo = dynamo;
        this.config = config;
    }

    /** Takes one of the owner's {@code max} slots for address {@code id}; FULL or NO_PROFILE when the gate is shut. */
    public Uni<Slot> take(String ownerId, String id, int max) {
        // A slot attribute of another type (written by hand) shuts the gate like a full set: ADD on it would fail.
        UpdateItemRequest take = update(ownerId, "ADD #s :id",
                "attribute_exists(#pk) AND (attribute_not_exists(#s)"
                        + " OR attribute_type(#s, :set) AND (size(#s) < :max OR contains(#s, :one)))",
                Map.of(":id", AttributeValue.fromSs(List.of(id)), ":one", AttributeValue.fromS(id),
                        ":max", AttributeValue.fromN(Integer.toString(max)), ":set", AttributeValue.fromS("SS")));
        return dynamo.updateItem(take).replaceWith(Slot.TAKEN)
                .onFailure(ConditionalCheckFailedException.class)
                .recoverWithUni(() -> profileExists(ownerId).map(exists -> exists ? Slot.FULL : Slot.NO_PROFILE));
    }

    /** Gives address {@code id}'s slot back (deleted, or its write failed); nothing when the profile or the set is gone. */
    public Uni<Void> release(String ownerId, String id) {
        UpdateItemRequest release = update(ownerId, "DELETE #s :id", "attribute_exists(#pk) AND attribute_type(#s, :set)",
                Map.of(":id", AttributeValue.fromSs(List.of(id)), ":set", AttributeValue.fromS("SS")));
        return dynamo.updateItem(release).replaceWithVoid()
                .onFailure(ConditionalCheckFailedException.class).recoverWithNull();
    }

    /** A strongly consistent look at whether the owner's profile item exists, reading its key only. */
    public Uni<Boolean> profileExists(String ownerId) {
        GetItemRequest get = GetItemRequest.builder().tableName(config.table())
                .key(ItemKey.profile(ownerId).toAttributes())
                .consistentRead(true)
                .projectionExpression("#pk")
                .expressionAttributeNames(Map.of("#pk", Attributes.USER_ID))
                .build();
        return dynamo.getItem(get).map(r -> r.hasItem() && !r.item().isEmpty());
    }

    private UpdateItemRequest update(String ownerId, String expression, String condition, Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder().tableName(config.table())
                .key(ItemKey.profile(ownerId).toAttributes())
                .updateExpression(expression)
                .conditionExpression(condition)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.NONE)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)
                .build();
    }
}
