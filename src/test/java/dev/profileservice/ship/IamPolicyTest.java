package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.address.Address;
import dev.profileservice.address.AddressInput;
import dev.profileservice.api.Views;
import dev.profileservice.dynamo.Attributes;
import dev.profileservice.dynamo.ItemSchema;
import dev.profileservice.profile.Profile;
import dev.profileservice.profile.ProfileInput;

/**
 * The service role's policy must allow exactly what the code does and no more. Its attribute
 * allow-lists are checked against the same source the code derives its projections and
 * updates from (the records' {@code @StoredAs}/{@code @JsonView}), so a field added to a view
 * without the policy, or to the policy without a view, fails here.
 */
class IamPolicyTest {

    private static final String DYNAMO = "dynamodb:";
    private static final Set<String> READS = Set.of("dynamodb:GetItem", "dynamodb:Query");
    private static final Set<String> KEYS = Set.of(Attributes.USER_ID, Attributes.SORT_KEY);
    private static final String TABLE_ARN = "arn:aws:dynamodb:REGION:ACCOUNT_ID:table/UserProfiles";

    private static JsonNode policy;
    private static List<JsonNode> statements;

    @BeforeAll
    static void load() throws IOException {
        policy = new ObjectMapper().readTree(ProjectFiles.read("k8s/iam/policy.json"));
        statements = new ArrayList<>();
        policy.path("Statement").forEach(statements::add);
    }

    /** What the code reads: the widest view of each item type, its keys, and the GSI key it queries by. */
    static Set<String> expectedReadAttributes() {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.addAll(ItemSchema.of(Profile.class).attributesOf(Views.Admin.class));
        attributes.addAll(ItemSchema.of(Address.class).attributesOf(Views.Owner.class));
        attributes.addAll(KEYS);
        // ProfileRepository.ownersByEmail: KeyCondition on the email-index key (the blind index), projection user_id, sk.
        attributes.add(Attributes.EMAIL_HMAC);
        return attributes;
    }

    /** What the code writes: keys, the writable records, and the attributes the service derives. */
    static Set<String> expectedWriteAttributes() {
        Set<String> attributes = new LinkedHashSet<>(KEYS);
        ItemSchema.of(ProfileInput.class).fields().forEach(f -> attributes.add(f.attribute()));
        ItemSchema.of(AddressInput.class).fields().forEach(f -> attributes.add(f.attribute()));
        attributes.addAll(Set.of(Attributes.SSN_LAST4, Attributes.EMAIL_HMAC, Attributes.VERSION, Attributes.CREATED_AT,
                Attributes.UPDATED_AT));
        return attributes;
    }

    @Test
    void allowsOnlyTheCallsTheCodeMakes() {
        Set<String> allowed = allows().stream().flatMap(s -> actions(s).stream()).collect(Collectors.toSet());
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:BatchWriteItem", "dynamodb:DescribeTable"), allowed,
                "no Scan, no PutItem (every write is an UpdateItem), no CreateTable (dev/test only)");
    }

    @Test
    void noWildcardActionOrResourceAndNoScanAnywhere() {
        for (JsonNode statement : statements) {
            for (String action : actions(statement)) {
                assertFalse(action.contains("*"), "wildcard action " + action);
                assertFalse(action.equalsIgnoreCase("dynamodb:Scan"), "Scan is never used");
                assertTrue(action.startsWith(DYNAMO), "only DynamoDB actions: " + action);
            }
            assertFalse(statement.has("NotAction") || statement.has("NotResource"), "no NotAction/NotResource");
            for (String resource : values(statement.path("Resource"))) {
                assertFalse(resource.contains("*"), "wildcard resource " + resource);
                assertTrue(resource.equals(TABLE_ARN) || resource.equals(TABLE_ARN + "/index/" + Attributes.EMAIL_INDEX),
                        "only the table and its email-index: " + resource);
            }
        }
    }

    @Test
    void readsMustProjectSpecificAttributesFromTheViewAllowList() {
        List<JsonNode> readAllows = allows().stream().filter(s -> !intersect(actions(s), READS).isEmpty()).toList();
        assertFalse(readAllows.isEmpty());
        for (JsonNode statement : readAllows) {
            assertEquals(READS, new HashSet<>(actions(statement)), "reads have their own statement");
            JsonNode condition = statement.path("Condition");
            String select = condition.path("StringEquals").path("dynamodb:Select").asText(
                    condition.path("StringEqualsIfExists").path("dynamodb:Select").asText(""));
            assertEquals("SPECIFIC_ATTRIBUTES", select, "reads require Select = SPECIFIC_ATTRIBUTES");
            if (!condition.path("StringEquals").has("dynamodb:Select")) {
                // GetItem has no Select parameter, hence ...IfExists; then a read that names no
                // attributes (no projection: the whole item) must be denied explicitly.
                assertTrue(denies(READS, "Null", "dynamodb:Attributes").stream()
                        .anyMatch(v -> v.equals(Set.of("true"))), "a read without projection is denied");
            }
            assertEquals(expectedReadAttributes(), allowList(statement),
                    "read allow-list = union of the served views' projections + keys + index key");
        }
    }

    @Test
    void neverReadAttributesAreOutsideTheReadAllowListAndDenied() {
        Set<String> readable = allows().stream().filter(s -> !intersect(actions(s), READS).isEmpty())
                .flatMap(s -> allowList(s).stream()).collect(Collectors.toSet());
        for (String attribute : Attributes.NEVER_READ) {
            assertFalse(readable.contains(attribute), attribute + " is never readable");
        }
        assertTrue(readable.containsAll(KEYS));
        Set<String> denied = denies(READS, "ForAnyValue:StringEquals", "dynamodb:Attributes").stream()
                .flatMap(Set::stream).collect(Collectors.toSet());
        assertTrue(denied.containsAll(Attributes.NEVER_READ), "password_hash and ssn reads are denied outright");
        assertTrue(denied.contains("password_hash"));
    }

    @Test
    void updatesAreLimitedToTheWritableAttributesAndReturnNothing() {
        List<JsonNode> updates = allows().stream().filter(s -> actions(s).contains("dynamodb:UpdateItem")).toList();
        assertEquals(1, updates.size());
        JsonNode update = updates.get(0);
        assertEquals(List.of("dynamodb:UpdateItem"), actions(update), "UpdateItem has its own statement");
        Set<String> writable = allowList(update);
        assertEquals(expectedWriteAttributes(), writable);
        for (String foreign : List.of("password_hash", "internal_notes", "account_flags")) {
            assertFalse(writable.contains(foreign), foreign + " belongs to other systems and is never written by us");
        }
        assertReturnValuesNone(update);
    }

    @Test
    void deletesAreKeyOnly() {
        List<JsonNode> deletes = allows().stream()
                .filter(s -> actions(s).contains("dynamodb:DeleteItem") || actions(s).contains("dynamodb:BatchWriteItem"))
                .toList();
        assertFalse(deletes.isEmpty());
        for (JsonNode statement : deletes) {
            assertEquals(KEYS, allowList(statement));
            assertReturnValuesNone(statement);
        }
    }

    @Test
    void everyDataStatementUsesForAllValuesNeverForAnyValueToAllow() {
        for (JsonNode statement : allows()) {
            if (actions(statement).equals(List.of("dynamodb:DescribeTable"))) {
                assertTrue(statement.path("Condition").isMissingNode(), "DescribeTable carries no data");
                continue;
            }
            assertFalse(statement.path("Condition").has("ForAnyValue:StringEquals"),
                    "ForAnyValue in an Allow grants any request that names one listed attribute");
            assertFalse(allowList(statement).isEmpty());
        }
    }

    @Test
    void trustPolicyAdmitsOnlyTheProfileServiceAccountThroughSts() throws IOException {
        JsonNode trust = new ObjectMapper().readTree(ProjectFiles.read("k8s/iam/trust-policy.json"));
        assertEquals(1, trust.path("Statement").size());
        JsonNode statement = trust.path("Statement").get(0);
        assertEquals("sts:AssumeRoleWithWebIdentity", statement.path("Action").asText());
        assertTrue(statement.path("Principal").path("Federated").asText().contains(":oidc-provider/"));
        JsonNode equals = statement.path("Condition").path("StringEquals");
        Set<String> sub = new HashSet<>();
        Set<String> aud = new HashSet<>();
        equals.fields().forEachRemaining(e -> {
            if (e.getKey().endsWith(":sub")) {
                sub.addAll(values(e.getValue()));
            } else if (e.getKey().endsWith(":aud")) {
                aud.addAll(values(e.getValue()));
            }
        });
        assertEquals(Set.of("system:serviceaccount:profile:profile-service"), sub, "sub binds the exact service account");
        assertEquals(Set.of("sts.amazonaws.com"), aud);
    }

    private static void assertReturnValuesNone(JsonNode statement) {
        JsonNode condition = statement.path("Condition");
        String returnValues = condition.path("StringEquals").path("dynamodb:ReturnValues").asText(
                condition.path("StringEqualsIfExists").path("dynamodb:ReturnValues").asText(""));
        assertEquals("NONE", returnValues, "ReturnValues limited to NONE");
    }

    private static List<JsonNode> allows() {
        return statements.stream().filter(s -> "Allow".equals(s.path("Effect").asText())).toList();
    }

    /** The values of {@code operator}/{@code key} in Deny statements that cover all of {@code actions}. */
    private static List<Set<String>> denies(Set<String> actions, String operator, String key) {
        return statements.stream()
                .filter(s -> "Deny".equals(s.path("Effect").asText()) && actions(s).containsAll(actions))
                .filter(s -> s.path("Condition").path(operator).has(key))
                .map(s -> (Set<String>) new HashSet<>(values(s.path("Condition").path(operator).path(key))))
                .toList();
    }

    static Set<String> allowList(JsonNode statement) {
        return new LinkedHashSet<>(values(statement.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:Attributes")));
    }

    private static List<String> actions(JsonNode statement) {
        return values(statement.path("Action"));
    }

    static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static Set<String> intersect(List<String> a, Set<String> b) {
        Set<String> result = new HashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
