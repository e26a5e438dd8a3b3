package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The keys a config schema allows, by mapping: every schema object that is closed
 * ({@code additionalProperties: false}) gives its location and key set. Locations read like the
 * YAML: {@code mqtt.tls}, {@code sensors[]}, {@code sensors[]{driver=bme280}.params},
 * {@code sensors[].channels[].filters[]{type=range}} ({@code {k=v}}: the branch taken when key k
 * has value v). Understands what {@link ConfigSchema} writes: local {@code $ref}s, {@code items},
 * {@code anyOf}/{@code allOf} and {@code if}/{@code then} on a {@code const}. Pure.
 */
final class SchemaKeys {
    private final JsonNode root;
    private final Map<String, Set<String>> keys = new TreeMap<>();

    private SchemaKeys(JsonNode root) {
        this.root = root;
    }

    static Map<String, Set<String>> of(JsonNode schema) {
        SchemaKeys k = new SchemaKeys(schema);
        k.walk(schema, "", 0);
        return k.keys;
    }

    private void walk(JsonNode node, String at, int depth) {
        if (depth > 40) {
            throw new IllegalStateException("schema nests too deep at " + at + " (a $ref cycle?)");
        }
        if (node.has("$ref")) {
            walk(root.at(node.get("$ref").asText().substring(1)), at, depth + 1);
        }
        if (node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()) {
            Set<String> names = new TreeSet<>();
            node.path("properties").fieldNames().forEachRemaining(names::add);
            keys.computeIfAbsent(at, x -> new TreeSet<>()).addAll(names);
        }
        node.path("properties").fields().forEachRemaining(e ->
                walk(e.getValue(), at.isEmpty() ? e.getKey() : at + "." + e.getKey(), depth + 1));
        if (node.has("items")) {
            walk(node.get("items"), at + "[]", depth + 1);
        }
        // A list also takes a single item in its place; the list form is the one to follow.
        boolean hasList = false;
        for (JsonNode branch : node.path("anyOf")) {
            hasList |= branch.path("type").asText().equals("array");
        }
        for (JsonNode branch : node.path("anyOf")) {
            if (!hasList || branch.path("type").asText().equals("array")) {
                walk(branch, at, depth + 1);
            }
        }
        for (JsonNode branch : node.path("allOf")) {
            walk(branch, at + discriminator(branch.path("if")), depth + 1);
            if (branch.has("then")) {
                walk(branch.get("then"), at + discriminator(branch.path("if")), depth + 1);
            }
        }
    }

    /** {@code {driver=bme280}} for {@code if: {properties: {driver: {const: bme280}}}}, else "". */
    private static String discriminator(JsonNode ifNode) {
        var fields = ifNode.path("properties").fields();
        if (!fields.hasNext()) {
            return "";
        }
        var e = fields.next();
        return "{" + e.getKey() + "=" + e.getValue().path("const").asText() + "}";
    }
}
