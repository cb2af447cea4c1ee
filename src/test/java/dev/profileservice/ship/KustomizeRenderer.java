package dev.profileservice.ship;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization the way {@code kustomize build} does, for the subset k8s/ uses:
 * {@code resources} (files and directories), {@code namespace}, {@code images} and
 * strategic-merge {@code patches} matched by kind and name. No kustomize binary is available
 * from the registries CI can reach, so the tests render with this instead. Anything outside
 * the subset fails loudly rather than being silently ignored, so a manifest can never use a
 * feature the tests do not see.
 */
final class KustomizeRenderer {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");

    /** Strategic-merge keys of the lists k8s/ patches; any other list is replaced whole, as kustomize does. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort");

    private KustomizeRenderer() {
    }

    static List<ObjectNode> render(Path directory) {
        ObjectNode kustomization = (ObjectNode) readAll(directory.resolve("kustomization.yaml")).get(0);
        for (Iterator<String> fields = kustomization.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomization field '" + field
                        + "' is not supported by the test renderer; extend KustomizeRenderer first");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else {
                readAll(resource).forEach(node -> resources.add((ObjectNode) node));
            }
        }
        for (JsonNode patchEntry : kustomization.path("patches")) {
            if (!patchEntry.has("path") || patchEntry.size() != 1) {
                throw new IllegalArgumentException(directory + ": only 'patches: - path: file' is supported");
            }
            for (JsonNode patch : readAll(directory.resolve(patchEntry.get("path").asText()))) {
                ObjectNode target = find(resources, patch.path("kind").asText(), patch.path("metadata").path("name").asText());
                merge(target, (ObjectNode) patch);
            }
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> setImage(r, image));
        }
        return resources;
    }

    static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        List<ObjectNode> found = resources.stream()
                .filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected exactly one " + kind + "/" + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    private static List<JsonNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(Files.readString(file))) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Strategic merge: maps merge key by key, lists with a merge key merge element by element. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$patch") || name.startsWith("$setElementOrder") || name.startsWith("$retainKeys")) {
                throw new IllegalArgumentException("strategic-merge directive " + name + " is not supported");
            }
            JsonNode existing = target.get(name);
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                merge(match, (ObjectNode) element);
            }
        }
    }

    /** The images transformer: matches a container image by name, ignoring any tag or digest already set. */
    private static void setImage(ObjectNode resource, JsonNode image) {
        JsonNode containers = resource.path("spec").path("template").path("spec").path("containers");
        for (JsonNode container : containers) {
            String current = container.path("image").asText();
            if (!imageName(current).equals(image.get("name").asText())) {
                continue;
            }
            String name = image.has("newName") ? image.get("newName").asText() : imageName(current);
            String reference;
            if (image.has("digest")) {
                reference = name + "@" + image.get("digest").asText();
            } else if (image.has("newTag")) {
                reference = name + ":" + image.get("newTag").asText();
            } else {
                reference = name + current.substring(imageName(current).length());
            }
            ((ObjectNode) container).put("image", reference);
        }
    }

    static String imageName(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at < 0 ? image : image.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
