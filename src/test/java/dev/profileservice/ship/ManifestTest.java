package dev.profileservice.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders each overlay of k8s/ and checks what a cluster would actually receive: the pod's
 * hardening, probes, resources, shutdown timing, network policy, and that key material is
 * only ever referenced, never written down.
 */
class ManifestTest {

    private static final int API_PORT = 8080;
    private static final int MANAGEMENT_PORT = 9000;
    private static final int OTLP_GRPC_PORT = 4317;
    /** Each secret environment variable and the Secret it comes from. */
    private static final Map<String, String> SECRET_ENV = Map.of(
            "PROFILE_CRYPTO_KEYSET", "profile-service-crypto",
            "PROFILE_CRYPTO_INDEX_KEYSET", "profile-service-crypto",
            "QUARKUS_OIDC_CREDENTIALS_SECRET", "profile-service-oidc",
            "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "profile-service-oidc",
            "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", "profile-service-oidc");
    private static final Pattern SECRET_LIKE_NAME = Pattern.compile("(?i).*(keyset|secret|password|passwd|private_?key|access_?key|api_?key|credentials?|token)");

    private static List<ObjectNode> render(String overlay) {
        return KustomizeRenderer.render(ProjectFiles.path("k8s/overlays/" + overlay));
    }

    private static JsonNode podSpec(List<ObjectNode> resources) {
        return KustomizeRenderer.find(resources, "Deployment", "profile-service").path("spec").path("template").path("spec");
    }

    private static JsonNode container(List<ObjectNode> resources) {
        JsonNode containers = podSpec(resources).path("containers");
        assertEquals(1, containers.size(), "one application container");
        return containers.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void overlayRendersEveryResourceOnceInTheProfileNamespace(String overlay) {
        List<ObjectNode> resources = render(overlay);
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "NetworkPolicy",
                "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
            assertEquals(1, KustomizeRenderer.ofKind(resources, kind).size(), overlay + ": one " + kind);
        }
        assertTrue(KustomizeRenderer.ofKind(resources, "Secret").isEmpty(), "Secrets are created out of band, never committed");
        resources.forEach(r -> assertEquals("profile", r.path("metadata").path("namespace").asText(),
                r.path("kind").asText() + " namespace"));
        assertEquals("autoscaling/v2", KustomizeRenderer.ofKind(resources, "HorizontalPodAutoscaler").get(0).path("apiVersion").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void podRunsNonRootWithReadOnlyRootAndNoPrivileges(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode pod = podSpec(resources).path("securityContext");
        JsonNode c = container(resources).path("securityContext");

        assertTrue(pod.path("runAsNonRoot").asBoolean(), "pod runAsNonRoot");
        assertTrue(pod.path("runAsUser").asInt() > 0, "pod runAsUser is not root");
        assertEquals("RuntimeDefault", pod.path("seccompProfile").path("type").asText());

        assertTrue(c.path("runAsNonRoot").asBoolean(), "container runAsNonRoot");
        if (c.has("runAsUser")) {
            assertTrue(c.path("runAsUser").asInt() > 0, "container runAsUser is not root");
        }
        assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true), "allowPrivilegeEscalation false");
        assertFalse(c.path("privileged").asBoolean(false), "not privileged");
        assertTrue(c.path("readOnlyRootFilesystem").asBoolean(), "readOnlyRootFilesystem");
        assertEquals(List.of("ALL"), strings(c.path("capabilities").path("drop")), "drop ALL capabilities");
        assertTrue(c.path("capabilities").path("add").isMissingNode(), "no capability added back");
        assertEquals("RuntimeDefault", c.path("seccompProfile").path("type").asText("RuntimeDefault"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void tmpIsAWritableEmptyDirBecauseTheRootFilesystemIsReadOnly(String overlay) {
        List<ObjectNode> resources = render(overlay);
        String volume = null;
        for (JsonNode mount : container(resources).path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                volume = mount.path("name").asText();
                assertFalse(mount.path("readOnly").asBoolean(false));
            }
        }
        assertNotNull(volume, "/tmp is mounted");
        boolean emptyDir = false;
        for (JsonNode v : podSpec(resources).path("volumes")) {
            if (volume.equals(v.path("name").asText())) {
                emptyDir = v.has("emptyDir");
            }
        }
        assertTrue(emptyDir, "/tmp is an emptyDir");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void probesUseTheQuarkusHealthEndpointsOnTheManagementPort(String overlay) {
        JsonNode container = container(render(overlay));
        assertEquals(API_PORT, containerPort(container, "http"));
        assertEquals(MANAGEMENT_PORT, containerPort(container, "management"));
        Map<String, String> expected = Map.of(
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready",
                "startupProbe", "/q/health/started");
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe + " path");
            JsonNode port = get.path("port");
            int resolved = port.isInt() ? port.asInt() : containerPort(container, port.asText());
            assertEquals(MANAGEMENT_PORT, resolved, probe + " port");
        });
    }

    @Test
    void theManifestsManagementPortIsTheOneQuarkusListensOnInProd() {
        assertEquals("true", ProjectFiles.prodProperty("quarkus.management.enabled"), "management interface on");
        assertEquals(String.valueOf(MANAGEMENT_PORT), ProjectFiles.prodProperty("quarkus.management.port"));
        assertEquals(null, ProjectFiles.prodProperty("quarkus.smallrye-health.management.enabled"),
                "health stays on the management interface (the default)");
        assertEquals(null, ProjectFiles.prodProperty("quarkus.micrometer.export.prometheus.management.enabled"),
                "metrics stay on the management interface (the default)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void prometheusScrapesTheManagementPort(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode annotations = KustomizeRenderer.find(resources, "Deployment", "profile-service").path("spec")
                .path("template").path("metadata").path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText());
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.path("prometheus.io/port").asText());
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText());
        assertEquals(MANAGEMENT_PORT, containerPort(container(resources), annotations.path("prometheus.io/port").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void containerHasResourceRequestsWithinLimits(String overlay) {
        JsonNode resources = container(render(overlay)).path("resources");
        for (String resource : List.of("cpu", "memory")) {
            JsonNode request = resources.path("requests").path(resource);
            JsonNode limit = resources.path("limits").path(resource);
            assertFalse(request.isMissingNode(), overlay + ": " + resource + " request");
            assertFalse(limit.isMissingNode(), overlay + ": " + resource + " limit");
            assertTrue(quantity(request.asText()) <= quantity(limit.asText()), overlay + ": " + resource + " request <= limit");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void terminationGraceOutlastsTheQuarkusShutdownTimeout(String overlay) {
        long grace = podSpec(render(overlay)).path("terminationGracePeriodSeconds").asLong(30);
        long shutdown = ProjectFiles.shutdownTimeout().toSeconds();
        assertTrue(grace > shutdown, "terminationGracePeriodSeconds " + grace + " must exceed quarkus.shutdown.timeout " + shutdown + "s");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void networkPolicyAdmitsTheApiFromTheIngressAndManagementFromMonitoringOnly(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode policy = KustomizeRenderer.ofKind(resources, "NetworkPolicy").get(0).path("spec");
        assertEquals(Set.of("Ingress", "Egress"), new HashSet<>(strings(policy.path("policyTypes"))));
        assertEquals(podLabels(resources).get("app.kubernetes.io/name"),
                policy.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());

        assertEquals(Set.of(API_PORT + "/TCP", MANAGEMENT_PORT + "/TCP"), ports(policy.path("ingress")));
        Map<String, Set<String>> sourcesByPort = new java.util.HashMap<>();
        for (JsonNode rule : policy.path("ingress")) {
            assertTrue(rule.path("from").size() > 0, "an ingress rule without 'from' admits every source: " + rule);
            Set<String> namespaces = new HashSet<>();
            for (JsonNode peer : rule.path("from")) {
                assertFalse(peer.has("ipBlock") || peer.has("podSelector"), "only namespaces are admitted: " + peer);
                JsonNode labels = peer.path("namespaceSelector").path("matchLabels");
                assertEquals(1, labels.size(), "a namespace selected by name: " + peer);
                namespaces.add(labels.path("kubernetes.io/metadata.name").asText());
            }
            for (JsonNode port : rule.path("ports")) {
                sourcesByPort.computeIfAbsent(port.path("port").asText(), p -> new HashSet<>()).addAll(namespaces);
            }
        }
        Set<String> ingress = sourcesByPort.get(String.valueOf(API_PORT));
        Set<String> monitoring = sourcesByPort.get(String.valueOf(MANAGEMENT_PORT));
        assertEquals(1, ingress.size(), "the API port from the ingress controller's namespace only: " + ingress);
        assertEquals(1, monitoring.size(), "the management port from the monitoring namespace only: " + monitoring);
        assertFalse(ingress.equals(monitoring), "the ingress controller cannot reach health or metrics");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void networkPolicyLetsOutOnlyDnsHttpsToTheListedNetworksAndOtlpToMonitoring(String overlay) {
        JsonNode policy = KustomizeRenderer.ofKind(render(overlay), "NetworkPolicy").get(0).path("spec");
        assertEquals(Set.of("53/UDP", "53/TCP", "443/TCP", OTLP_GRPC_PORT + "/TCP"), ports(policy.path("egress")),
                "egress only DNS, HTTPS and OTLP");
        int httpsRules = 0;
        int otlpRules = 0;
        for (JsonNode rule : policy.path("egress")) {
            if (ports(List.of(rule)).contains(OTLP_GRPC_PORT + "/TCP")) {
                otlpRules++;
                assertEquals(Set.of(OTLP_GRPC_PORT + "/TCP"), ports(List.of(rule)), "OTLP has a rule of its own");
                assertEquals(1, rule.path("to").size(), "OTLP to one peer: " + rule);
                JsonNode labels = rule.path("to").get(0).path("namespaceSelector").path("matchLabels");
                assertEquals(1, labels.size(), "a namespace selected by name: " + rule);
                assertEquals("monitoring", labels.path("kubernetes.io/metadata.name").asText(), "OTLP to monitoring only");
            }
            boolean https = ports(List.of(rule)).contains("443/TCP");
            if (!https) {
                continue;
            }
            httpsRules++;
            assertEquals(Set.of("443/TCP"), ports(List.of(rule)), "HTTPS has a rule of its own");
            assertTrue(rule.path("to").size() > 0, "HTTPS to any address: " + rule);
            for (JsonNode peer : rule.path("to")) {
                String cidr = peer.path("ipBlock").path("cidr").asText();
                assertTrue(cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}"), "HTTPS only to listed CIDRs: " + peer);
                assertTrue(Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) >= 8, "not a wide-open CIDR: " + cidr);
                assertFalse(cidr.startsWith("192.0.2."), "the base placeholder is replaced: " + cidr);
            }
        }
        assertEquals(1, httpsRules);
        assertEquals(1, otlpRules);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theConfigMapTakesTheOtlpEndpointAndTheSamplingRatio(String overlay) {
        JsonNode data = KustomizeRenderer.ofKind(render(overlay), "ConfigMap").get(0).path("data");
        java.net.URI endpoint = java.net.URI.create(data.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText());
        assertEquals("http", endpoint.getScheme(), "in-cluster OTLP; spans carry no personal data");
        assertTrue(endpoint.getHost().endsWith(".monitoring.svc.cluster.local"), "the collector in the monitoring namespace");
        assertEquals(OTLP_GRPC_PORT, endpoint.getPort(), "the port the NetworkPolicy lets out");
        double ratio = Double.parseDouble(data.path("QUARKUS_OTEL_TRACES_SAMPLER_ARG").asText());
        assertTrue(ratio >= 0 && ratio <= 1, "a ratio: " + ratio);
        assertEquals("parentbased_traceidratio", ProjectFiles.prodProperty("quarkus.otel.traces.sampler"),
                "the ratio applies to new traces only");
    }

    @Test
    void theBaseConfigMapExportsNothingUntilAnOverlayNamesACollector() {
        List<ObjectNode> base = KustomizeRenderer.render(ProjectFiles.path("k8s/base"));
        JsonNode data = KustomizeRenderer.ofKind(base, "ConfigMap").get(0).path("data");
        assertTrue(data.has("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertEquals("", data.path("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT").asText(), "empty: not exported");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theServiceExposesTheApiButNotTheManagementPort(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode container = container(resources);
        for (JsonNode port : KustomizeRenderer.ofKind(resources, "Service").get(0).path("spec").path("ports")) {
            assertEquals(API_PORT, containerPort(container, port.path("targetPort").asText()), "Service port " + port);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void keyMaterialIsOnlyReferencedFromTheSecretNeverWrittenDown(String overlay) {
        List<ObjectNode> resources = render(overlay);
        JsonNode container = container(resources);
        Map<String, String> fromSecret = new java.util.HashMap<>();
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (SECRET_LIKE_NAME.matcher(name).matches()) {
                assertFalse(env.has("value"), name + " must not carry a literal value");
            }
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                assertEquals(name, ref.path("key").asText(), name + " key in its Secret");
                fromSecret.put(name, ref.path("name").asText());
            }
        }
        assertEquals(SECRET_ENV, fromSecret, "the keysets and the OIDC session secrets come from their Secrets by reference");
        for (JsonNode from : container.path("envFrom")) {
            assertTrue(from.has("configMapRef"), "envFrom only from the ConfigMap");
        }
        JsonNode data = KustomizeRenderer.ofKind(resources, "ConfigMap").get(0).path("data");
        data.fieldNames().forEachRemaining(key -> assertFalse(SECRET_LIKE_NAME.matcher(key).matches(),
                "ConfigMap key " + key + " looks like a secret: it belongs in the Secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void configMapNamesTheTableIssuerAndAudience(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode configMap = KustomizeRenderer.ofKind(resources, "ConfigMap").get(0);
        JsonNode data = configMap.path("data");
        for (String key : List.of("PROFILE_TABLE", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
                "QUARKUS_OIDC_TOKEN_AUDIENCE", "AWS_REGION")) {
            assertFalse(data.path(key).asText().isBlank(), overlay + ": " + key);
        }
        assertTrue(data.has("PROFILE_CORS_ORIGINS"));
        assertTrue(data.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText().startsWith("https://"), "the issuer is https");
        assertFalse(data.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText().equals("any"), "prod never accepts any audience");
        String referenced = container(resources).path("envFrom").get(0).path("configMapRef").path("name").asText();
        assertEquals(configMap.path("metadata").path("name").asText(), referenced);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void configMapPinsTheCryptoContextAndStatesThePlaintextSwitch(String overlay) {
        JsonNode data = KustomizeRenderer.ofKind(render(overlay), "ConfigMap").get(0).path("data");
        assertFalse(data.path("PROFILE_CRYPTO_CONTEXT").asText().isBlank(), "the logical name is pinned explicitly");
        assertTrue(Set.of("true", "false").contains(data.path("PROFILE_CRYPTO_ACCEPT_LEGACY_PLAINTEXT").asText()),
                "the legacy plaintext switch is stated");
    }

    @Test
    void prodDocumentsTheLegacyPlaintextSwitch() {
        String patch = ProjectFiles.read("k8s/overlays/prod/configmap-patch.yaml");
        assertTrue(patch.contains("PROFILE_CRYPTO_ACCEPT_LEGACY_PLAINTEXT") && patch.contains("backfill")
                && patch.contains("profile_crypto_legacy_plaintext_refused_total"), "the prod overlay says when to turn it off");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void forwardedHeadersAreTrustedFromTheIngressOnly(String overlay) {
        JsonNode data = KustomizeRenderer.ofKind(render(overlay), "ConfigMap").get(0).path("data");
        assertEquals("true", data.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText());
        assertEquals("true", data.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText());
        String trusted = data.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText();
        assertFalse(trusted.isBlank(), overlay + ": forwarded headers from anyone would let a client fake https and its host");
        for (String range : trusted.split(",")) {
            assertFalse(range.strip().endsWith("/0"), "not the whole internet: " + range);
        }
    }

    @Test
    void prodSetsExplicitHttpsCorsOriginsAndNeverAWildcard() {
        String origins = KustomizeRenderer.ofKind(render("prod"), "ConfigMap").get(0).path("data")
                .path("PROFILE_CORS_ORIGINS").asText();
        assertFalse(origins.isBlank(), "prod names its origins explicitly");
        for (String origin : origins.split(",")) {
            assertFalse(origin.contains("*"), "no wildcard origin: " + origin);
            assertTrue(origin.trim().startsWith("https://"), "https origin: " + origin);
        }
    }

    @Test
    void prodRunsThreeReplicasOfAnImagePinnedByDigest() {
        List<ObjectNode> resources = render("prod");
        assertEquals(3, KustomizeRenderer.find(resources, "Deployment", "profile-service").path("spec").path("replicas").asInt());
        assertTrue(KustomizeRenderer.ofKind(resources, "HorizontalPodAutoscaler").get(0).path("spec").path("minReplicas").asInt() >= 3);
        String image = container(resources).path("image").asText();
        assertTrue(image.matches("[^:@]+(:\\d+)?/[^:@]+@sha256:[0-9a-f]{64}"), "prod image is pinned by digest: " + image);
    }

    @Test
    void devRunsOneReplicaOfTheDevTag() {
        List<ObjectNode> resources = render("dev");
        assertEquals(1, KustomizeRenderer.find(resources, "Deployment", "profile-service").path("spec").path("replicas").asInt());
        assertTrue(container(resources).path("image").asText().endsWith(":dev"));
        assertEquals(0, KustomizeRenderer.ofKind(resources, "PodDisruptionBudget").get(0).path("spec").path("minAvailable").asInt(),
                "a single dev replica must not block node drains");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void podUsesTheIrsaServiceAccountWithItsProjectedToken(String overlay) {
        List<ObjectNode> resources = render(overlay);
        ObjectNode account = KustomizeRenderer.ofKind(resources, "ServiceAccount").get(0);
        assertTrue(account.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText()
                .matches("arn:aws:iam::[A-Z0-9_]+:role/[\\w+=,.@-]+"));
        JsonNode pod = podSpec(resources);
        assertEquals(account.path("metadata").path("name").asText(), pod.path("serviceAccountName").asText());
        // IRSA's webhook injects its own projected token (aws-iam-token); no Kubernetes API token is needed.
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), "no Kubernetes API token in the pod");
        assertFalse(account.path("automountServiceAccountToken").asBoolean(true), "nor by default for the account");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void serviceDisruptionBudgetAndAutoscalerTargetThePods(String overlay) {
        List<ObjectNode> resources = render(overlay);
        String app = podLabels(resources).get("app.kubernetes.io/name");
        assertEquals(app, KustomizeRenderer.ofKind(resources, "Service").get(0).path("spec").path("selector")
                .path("app.kubernetes.io/name").asText());
        assertEquals(app, KustomizeRenderer.ofKind(resources, "PodDisruptionBudget").get(0).path("spec").path("selector")
                .path("matchLabels").path("app.kubernetes.io/name").asText());
        JsonNode target = KustomizeRenderer.ofKind(resources, "HorizontalPodAutoscaler").get(0).path("spec").path("scaleTargetRef");
        assertEquals("Deployment", target.path("kind").asText());
        assertEquals("profile-service", target.path("name").asText());
        assertEquals(API_PORT, containerPort(container(resources),
                KustomizeRenderer.ofKind(resources, "Service").get(0).path("spec").path("ports").get(0).path("targetPort").asText()));
    }

    @Test
    void rendererRefusesKustomizeFeaturesItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\nconfigMapGenerator:\n  - name: x\n");
        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir));
    }

    private static Map<String, String> podLabels(List<ObjectNode> resources) {
        Map<String, String> labels = new java.util.HashMap<>();
        KustomizeRenderer.find(resources, "Deployment", "profile-service").path("spec").path("template").path("metadata")
                .path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static int containerPort(JsonNode container, String nameOrNumber) {
        if (nameOrNumber.matches("\\d+")) {
            return Integer.parseInt(nameOrNumber);
        }
        for (JsonNode port : container.path("ports")) {
            if (nameOrNumber.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + nameOrNumber);
    }

    /** Every port a list of policy rules opens; a rule without ports would open all of them. */
    private static Set<String> ports(Iterable<JsonNode> rules) {
        assertTrue(rules.iterator().hasNext(), "rules are listed");
        Set<String> ports = new HashSet<>();
        for (JsonNode rule : rules) {
            assertTrue(rule.path("ports").size() > 0, "a rule without ports allows every port: " + rule);
            for (JsonNode port : rule.path("ports")) {
                assertFalse(port.has("endPort"), "no port ranges");
                ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP"));
            }
        }
        return ports;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** A Kubernetes quantity in base units: millicores for "m", bytes for Ki/Mi/Gi, else plain. */
    static double quantity(String value) {
        Map<String, Double> suffixes = Map.of("m", 1e-3, "Ki", 1024.0, "Mi", 1024.0 * 1024, "Gi", 1024.0 * 1024 * 1024,
                "k", 1e3, "M", 1e6, "G", 1e9);
        for (var suffix : List.of("Ki", "Mi", "Gi", "m", "k", "M", "G")) {
            if (value.endsWith(suffix)) {
                return Double.parseDouble(value.substring(0, value.length() - suffix.length())) * suffixes.get(suffix);
            }
        }
        return Double.parseDouble(value);
    }
}
