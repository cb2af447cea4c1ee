package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.profileservice.backfill.Backfill;

/**
 * The backfill Job's role: the only policy that may Scan, projected to exactly what the
 * backfill reads (never password_hash), writing only the encrypted attributes and their index.
 */
class BackfillPolicyTest {

    private static final String POLICY = "k8s/iam/backfill-policy.json";
    private static final String TABLE_ARN = "arn:aws:dynamodb:REGION:ACCOUNT_ID:table/UserProfiles";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBackfillPolicyIsTheOnlyPolicyThatMayScan() throws IOException {
        List<String> scanners = new ArrayList<>();
        try (Stream<Path> files = Files.list(ProjectFiles.path("k8s/iam"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                boolean scans = allows(JSON.readTree(Files.readString(file))).stream()
                        .flatMap(s -> IamPolicyTest.values(s.path("Action")).stream())
                        .anyMatch(a -> a.equalsIgnoreCase("dynamodb:Scan") || a.equals("dynamodb:*") || a.equals("*"));
                if (scans) {
                    scanners.add(ProjectFiles.path("k8s/iam").relativize(file).toString());
                }
            }
        }
        assertEquals(List.of("backfill-policy.json"), scanners, "the service's policy.json may not Scan");
    }

    @Test
    void allowsOnlyScanUpdateItemAndDescribeTableOnTheTable() throws IOException {
        Set<String> actions = new HashSet<>();
        for (JsonNode statement : statements()) {
            actions.addAll(IamPolicyTest.values(statement.path("Action")));
            assertFalse(statement.has("NotAction") || statement.has("NotResource"));
            assertEquals(List.of(TABLE_ARN), IamPolicyTest.values(statement.path("Resource")), "the table only, no index, no wildcard");
        }
        assertEquals(Set.of("dynamodb:Scan", "dynamodb:UpdateItem", "dynamodb:DescribeTable"), actions);
    }

    @Test
    void scanIsProjectedToWhatTheBackfillReadsAndNeverPasswordHash() throws IOException {
        JsonNode scan = onlyAllow("dynamodb:Scan");
        assertEquals("SPECIFIC_ATTRIBUTES", scan.path("Condition").path("StringEquals").path("dynamodb:Select").asText());
        Set<String> readable = IamPolicyTest.allowList(scan);
        assertEquals(new HashSet<>(Backfill.PROJECTION), readable, "allow-list = the backfill's projection");
        assertFalse(readable.contains("password_hash"));
        assertTrue(denies("Null").contains("true"), "a scan without projection is denied");
        assertTrue(denies("ForAnyValue:StringEquals").contains("password_hash"), "password_hash is denied outright");
    }

    @Test
    void updatesWriteOnlyEncryptedAttributesAndTheirIndexAndReturnNothing() throws IOException {
        JsonNode update = onlyAllow("dynamodb:UpdateItem");
        Set<String> writable = IamPolicyTest.allowList(update);
        // Keys, plus version and the old values in the condition; the SET touches only encrypted attributes and email_hmac.
        assertEquals(new HashSet<>(Backfill.PROJECTION), writable);
        for (String foreign : List.of("password_hash", "internal_notes", "account_flags", "display_name", "ssn_last4")) {
            assertFalse(writable.contains(foreign), foreign);
        }
        assertEquals("NONE", update.path("Condition").path("StringEqualsIfExists").path("dynamodb:ReturnValues").asText());
    }

    @Test
    void trustPolicyAdmitsOnlyTheBackfillServiceAccount() throws IOException {
        JsonNode trust = JSON.readTree(ProjectFiles.read("k8s/iam/backfill-trust-policy.json"));
        assertEquals(1, trust.path("Statement").size());
        Set<String> subs = new HashSet<>();
        trust.path("Statement").get(0).path("Condition").path("StringEquals").fields().forEachRemaining(e -> {
            if (e.getKey().endsWith(":sub")) {
                subs.addAll(IamPolicyTest.values(e.getValue()));
            }
        });
        assertEquals(Set.of("system:serviceaccount:profile:profile-backfill"), subs);
    }

    private static JsonNode onlyAllow(String action) throws IOException {
        List<JsonNode> matching = allows(JSON.readTree(ProjectFiles.read(POLICY))).stream()
                .filter(s -> IamPolicyTest.values(s.path("Action")).contains(action)).toList();
        assertEquals(1, matching.size(), action + " has one statement");
        assertEquals(List.of(action), IamPolicyTest.values(matching.get(0).path("Action")), action + " has its own statement");
        return matching.get(0);
    }

    private static Set<String> denies(String operator) throws IOException {
        Set<String> values = new HashSet<>();
        for (JsonNode statement : statements()) {
            if ("Deny".equals(statement.path("Effect").asText()) && IamPolicyTest.values(statement.path("Action")).contains("dynamodb:Scan")) {
                values.addAll(IamPolicyTest.values(statement.path("Condition").path(operator).path("dynamodb:Attributes")));
            }
        }
        return values;
    }

    private static List<JsonNode> statements() throws IOException {
        List<JsonNode> statements = new ArrayList<>();
        JSON.readTree(ProjectFiles.read(POLICY)).path("Statement").forEach(statements::add);
        return statements;
    }

    private static List<JsonNode> allows(JsonNode policy) {
        List<JsonNode> allows = new ArrayList<>();
        policy.path("Statement").forEach(s -> {
            if ("Allow".equals(s.path("Effect").asText())) {
                allows.add(s);
            }
        });
        return allows;
    }
}
