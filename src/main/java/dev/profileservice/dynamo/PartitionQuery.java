package dev.profileservice.dynamo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The one way to build a Query: every Query reads exactly one partition, of the table (an
 * owner's items) or of the email index (one blind-index tag), with a projection that is either
 * the keys only or a view's. Placeholders only, so no name or value is spliced into an expression.
 */
public final class PartitionQuery {

    private static final String KEYS = "#pk, #sk";

    private final String table;
    private final String index;
    private final String keyPlaceholder;
    private final String keyAttribute;
    private final AttributeValue keyValue;
    private String sortKeyPrefix;
    private Projection projection;
    private Integer limit;
    private boolean consistent;

    private PartitionQuery(String table, String index, String keyPlaceholder, String keyAttribute, String keyValue) {
        this.table = table;
        this.index = index;
        this.keyPlaceholder = keyPlaceholder;
        this.keyAttribute = keyAttribute;
        this.keyValue = AttributeValue.fromS(keyValue);
    }

    /** The items of one owner. */
    public static PartitionQuery owner(String table, String userId) {
        return new PartitionQuery(table, null, "pk", Attributes.USER_ID, userId);
    }

    /** The keys of the items whose email has this blind-index tag. */
    public static PartitionQuery emailIndex(String table, String tag) {
        return new PartitionQuery(table, Attributes.EMAIL_INDEX, "e", Attributes.EMAIL_HMAC, tag);
    }

    /** Only the items whose sort key starts with {@code prefix}, such as {@code ADDRESS#}. */
    public PartitionQuery sortKeyBeginsWith(String prefix) {
        this.sortKeyPrefix = prefix;
        return this;
    }

    /** Reads the attributes of this projection instead of the keys only. */
    public PartitionQuery project(Projection projection) {
        this.projection = projection;
        return this;
    }

    public PartitionQuery limit(int limit) {
        this.limit = limit;
        return this;
    }

    public PartitionQuery consistent() {
        this.consistent = true;
        return this;
    }

    /** The request for the page that starts after {@code startKey}; the first page when it is null. */
    public QueryRequest page(Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>();
        names.put("#" + keyPlaceholder, keyAttribute);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":" + keyPlaceholder, keyValue);
        String condition = "#" + keyPlaceholder + " = :" + keyPlaceholder;
        if (sortKeyPrefix != null) {
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", Attributes.SORT_KEY);
            values.put(":prefix", AttributeValue.fromS(sortKeyPrefix));
        }
        if (projection == null) {
            names.put("#pk", Attributes.USER_ID);
            names.put("#sk", Attributes.SORT_KEY);
        } else {
            names.putAll(projection.names());
        }
        return QueryRequest.builder()
                .tableName(table)
                .indexName(index)
                .keyConditionExpression(condition)
                .projectionExpression(projection == null ? KEYS : projection.expression())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .exclusiveStartKey(startKey)
                .limit(limit)
                .consistentRead(consistent ? Boolean.TRUE : null)
                .build();
    }

    /** The key the next page starts after, or null when this was the last page. */
    public static Map<String, AttributeValue> nextKey(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    /**
     * Every page, in order, as a stream: each page is queried when the previous one has been
     * consumed, and the stream ends after the page without a {@code LastEvaluatedKey}.
     */
    public Multi<QueryResponse> pages(Function<QueryRequest, Uni<QueryResponse>> query) {
        return Multi.createBy().repeating()
                .uni(Cursor::new, cursor -> query.apply(page(cursor.next)).invoke(response -> cursor.next = nextKey(response)))
                .whilst(response -> nextKey(response) != null);
    }

    /** Where the stream is: the start key of its next page. */
    private static final class Cursor {
        private Map<String, AttributeValue> next;
    }
}
