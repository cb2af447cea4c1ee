package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The backfill Job as a cluster receives it: its own kustomization (so no overlay ever
 * launches it), its own ServiceAccount and role, and the Deployment's hardening.
 */
class BackfillJobManifestTest {

    private static final List<ObjectNode> JOB = KustomizeRenderer.render(ProjectFiles.path("k8s/jobs/backfill"));

    private static JsonNode pod() {
        return KustomizeRenderer.find(JOB, "Job", "profile-backfill").path("spec").path("template").path("spec");
    }

    @Test
    void noOverlayLaunchesTheBackfill() {
        for (String overlay : List.of("dev", "prod")) {
            List<ObjectNode> resources = KustomizeRenderer.render(ProjectFiles.path("k8s/overlays/" + overlay));
            assertTrue(KustomizeRenderer.ofKind(resources, "Job").isEmpty(), overlay);
        }
    }

    @Test
    void jobRunsTheBackfillCommandOnceUnderItsOwnServiceAccount() {
        JsonNode job = KustomizeRenderer.find(JOB, "Job", "profile-backfill").path("spec");
        assertEquals("OnFailure", job.path("template").path("spec").path("restartPolicy").asText());
        assertTrue(job.path("backoffLimit").asInt() > 0 && job.path("activeDeadlineSeconds").asInt() > 0);
        JsonNode container = pod().path("containers").get(0);
        assertEquals("backfill", container.path("args").get(0).asText());
        assertTrue(container.path("image").asText().contains("@sha256:"), "pinned by digest like prod");

        assertEquals("profile-backfill", pod().path("serviceAccountName").asText());
        JsonNode account = KustomizeRenderer.find(JOB, "ServiceAccount", "profile-backfill");
        String role = account.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText();
        assertTrue(role.endsWith(":role/profile-backfill"), "its own IRSA role, not the service's: " + role);
        JOB.forEach(r -> assertEquals("profile", r.path("metadata").path("namespace").asText()));
        assertFalse(KustomizeRenderer.ofKind(JOB, "Secret").size() > 0, "no Secret is committed");
    }

    @Test
    void jobPodHasTheDeploymentsHardening() {
        JsonNode pod = pod().path("securityContext");
        JsonNode c = pod().path("containers").get(0).path("securityContext");
        assertTrue(pod.path("runAsNonRoot").asBoolean() && pod.path("runAsUser").asInt() > 0);
        assertEquals("RuntimeDefault", pod.path("seccompProfile").path("type").asText());
        assertTrue(c.path("runAsNonRoot").asBoolean());
        assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true));
        assertFalse(c.path("privileged").asBoolean(true));
        assertTrue(c.path("readOnlyRootFilesystem").asBoolean());
        assertEquals("ALL", c.path("capabilities").path("drop").get(0).asText());
        assertEquals("/tmp", pod().path("containers").get(0).path("volumeMounts").get(0).path("mountPath").asText());
    }

    @Test
    void keysComeFromTheServicesSecretAndNetworkPolicyAdmitsNothing() {
        JsonNode container = pod().path("containers").get(0);
        container.path("env").forEach(e -> {
            assertTrue(e.path("value").isMissingNode(), e.path("name").asText() + " is referenced, not written down");
            assertEquals("profile-service-crypto", e.path("valueFrom").path("secretKeyRef").path("name").asText());
        });
        assertEquals("profile-service-config", container.path("envFrom").get(0).path("configMapRef").path("name").asText());
        JsonNode policy = KustomizeRenderer.find(JOB, "NetworkPolicy", "profile-backfill").path("spec");
        assertEquals(0, policy.path("ingress").size());
        // the Job holds the keysets: HTTPS only to listed networks, as for the service, never anywhere
        for (JsonNode rule : policy.path("egress")) {
            boolean https = false;
            for (JsonNode port : rule.path("ports")) {
                https |= port.path("port").asInt() == 443;
            }
            if (https) {
                assertTrue(rule.path("to").size() > 0, "HTTPS to any address: " + rule);
                rule.path("to").forEach(peer -> assertFalse(peer.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0"), rule.toString()));
            }
        }
        assertFalse(pod().path("automountServiceAccountToken").asBoolean(true), "no Kubernetes API token in the Job's pod");
        assertEquals("profile-backfill", policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
    }
}
