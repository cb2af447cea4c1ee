package dev.profileservice.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Update expressions without Quarkus: placeholders only, and a write that never returns the item. */
class ItemChangesTest {

    private static final ItemKey KEY = ItemKey.profile("alice-sub");

    @Test
    void setsSetIfAbsentAndRemovesRenderAsOneExpressionOfPlaceholders() {
        ItemChanges.Rendered rendered = new ItemChanges()
                .set("display_name", AttributeValue.fromS("Alice"))
                .setIfAbsent("created_at", AttributeValue.fromS("t0"))
                .remove("phone")
                .render();
        assertEquals("SET #u0 = :u0, #u1 = if_not_exists(#u1, :u1) REMOVE #u2", rendered.expression());
        assertEquals(Map.of("#u0", "display_name", "#u1", "created_at", "#u2", "phone"), rendered.names());
        assertEquals(Map.of(":u0", AttributeValue.fromS("Alice"), ":u1", AttributeValue.fromS("t0")), rendered.values());
    }

    @Test
    void attributeNamesAndValuesNeverEnterTheExpression() {
        String hostile = "x = :y REMOVE password_hash";
        ItemChanges.Rendered rendered = new ItemChanges().set(hostile, AttributeValue.fromS(hostile)).render();
        assertFalse(rendered.expression().contains("password_hash"), rendered.expression());
        assertEquals(hostile, rendered.names().get("#u0"));
    }

    @Test
    void removeOnlyRendersWithoutSetAndEmptyIsEmpty() {
        assertTrue(new ItemChanges().isEmpty());
        ItemChanges changes = new ItemChanges().remove("phone");
        assertFalse(changes.isEmpty());
        assertEquals("REMOVE #u0", changes.render().expression());
    }

    @Test
    void conditionalUpdateCarriesTheCallersConditionAndNeverReturnsTheItem() {
        UpdateItemRequest request = new ItemChanges().set("version", AttributeValue.fromN("2"))
                .conditionalUpdate("UserProfiles", KEY, "#v = :expected", Map.of("#v", "version"),
                        Map.of(":expected", AttributeValue.fromN("1")));
        assertEquals("UserProfiles", request.tableName());
        assertEquals(KEY.toAttributes(), request.key());
        assertEquals("#v = :expected", request.conditionExpression());
        assertEquals(Map.of("#u0", "version", "#v", "version"), request.expressionAttributeNames());
        assertEquals(Map.of(":u0", AttributeValue.fromN("2"), ":expected", AttributeValue.fromN("1")),
                request.expressionAttributeValues());
        assertEquals(ReturnValue.NONE, request.returnValues());
        assertEquals(ReturnValuesOnConditionCheckFailure.NONE, request.returnValuesOnConditionCheckFailure());
    }

    @Test
    void aWriteWithoutValuesSendsNoValueMap() {
        UpdateItemRequest request = new ItemChanges().remove("phone")
                .conditionalUpdate("UserProfiles", KEY, "attribute_exists(#pk)", Map.of("#pk", "user_id"), Map.of());
        assertFalse(request.hasExpressionAttributeValues());
    }
}
