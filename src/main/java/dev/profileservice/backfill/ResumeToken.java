package dev.profileservice.backfill;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.dynamo.Attributes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A scan position an operator can copy from the log into {@code --resume-from}: base64url of
 * the table key JSON. Not sealed like the API's cursors, because it never leaves the operator's
 * own Job; it holds a user id and a sort key, no profile value.
 */
final class ResumeToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResumeToken() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put(Attributes.USER_ID, lastEvaluatedKey.get(Attributes.USER_ID).s());
        key.put(Attributes.SORT_KEY, lastEvaluatedKey.get(Attributes.SORT_KEY).s());
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, AttributeValue> decode(String token) {
        try {
            Map<String, String> key = JSON.readValue(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, String>>() {
                    });
            String userId = key.get(Attributes.USER_ID);
            String sortKey = key.get(Attributes.SORT_KEY);
            if (userId == null || sortKey == null || key.size() != 2) {
                throw new IllegalArgumentException("not a backfill resume token");
            }
            return Map.of(Attributes.USER_ID, AttributeValue.fromS(userId), Attributes.SORT_KEY, AttributeValue.fromS(sortKey));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--resume-from is not a backfill resume token");
        }
    }
}
