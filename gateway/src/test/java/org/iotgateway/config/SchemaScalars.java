package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The schema of each scalar type {@link ScalarConverter} reads, and config values written back as
 * YAML for the schema's defaults. Every typed scalar also takes {@code ${VAR}} text, as the loader
 * substitutes before it converts. Pure.
 */
final class SchemaScalars {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaScalars() {
    }

    /** The shared definitions the scalar schemas refer to. */
    static void define(ObjectNode defs) {
        defs.set("env-var", JSON.objectNode()
                .put("description", "`${VAR}` or `${VAR:-default}`, replaced from the environment at load")
                .put("type", "string")
                .put("pattern", "\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}"));
        defs.set("duration", JSON.objectNode()
                .put("description", "a duration such as 500ms, 10s, 1m, 2h or 7d")
                .put("type", "string")
                .put("pattern", "^\\s*[0-9]+\\s*(ms|s|m|h|d)\\s*$"));
        defs.set("size", JSON.objectNode()
                .put("description", "a size such as 512kB, 64MB, 1GB (decimal) or 64MiB (binary), or a byte count")
                .set("anyOf", JSON.arrayNode()
                        .add(JSON.objectNode().put("type", "integer").put("minimum", 0))
                        .add(JSON.objectNode().put("type", "string")
                                .put("pattern", "^\\s*[0-9]+\\s*([bB]|[kKmMgG][bB]|[kKmMgG][iI][bB])?\\s*$"))));
        defs.set("integer", JSON.objectNode().set("anyOf", JSON.arrayNode()
                .add(JSON.objectNode().put("type", "integer"))
                .add(JSON.objectNode().put("type", "string").put("pattern", "^\\s*[-+]?[0-9]{1,19}\\s*$"))));
        defs.set("number", JSON.objectNode().set("anyOf", JSON.arrayNode()
                .add(JSON.objectNode().put("type", "number"))
                .add(JSON.objectNode().put("type", "string")
                        .put("pattern", "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,3})?\\s*$"))));
        defs.set("boolean", JSON.objectNode().set("anyOf", JSON.arrayNode()
                .add(JSON.objectNode().put("type", "boolean"))
                .add(JSON.objectNode().set("enum", JSON.arrayNode().add("true").add("false")))));
    }

    /** The schema of one scalar of {@code type} (one that {@link ScalarConverter#supports}). */
    static ObjectNode of(Class<?> type) {
        if (type == String.class) {
            // Any scalar binds as its text: an unquoted 0x76 or 42 is a string to the gateway.
            return JSON.objectNode().set("type", JSON.arrayNode().add("string").add("number").add("boolean"));
        }
        if (type == Path.class) {
            return JSON.objectNode().put("type", "string");
        }
        JsonNode typed;
        if (type.isEnum()) {
            ArrayNode names = JSON.arrayNode();
            EnumNames.names(type).forEach(names::add);
            typed = JSON.objectNode().set("enum", names);
        } else {
            typed = ConfigSchema.ref(definition(type));
        }
        return JSON.objectNode().set("anyOf", JSON.arrayNode().add(typed).add(ConfigSchema.ref("env-var")));
    }

    private static String definition(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "integer";
            case "Double", "double" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "Duration" -> "duration";
            case "DataSize" -> "size";
            default -> throw new IllegalStateException("no schema for scalar type " + type);
        };
    }

    /** A config value as the YAML that gives it, or null when it has no such form (null, infinite, a record). */
    static JsonNode yaml(Object value) {
        if (value instanceof Duration d) {
            return JSON.textNode(Durations.format(d));
        }
        if (value instanceof DataSize s) {
            return s.bytes() % 1_000_000 == 0 ? JSON.textNode(s.bytes() / 1_000_000 + "MB") : JSON.numberNode(s.bytes());
        }
        if (value instanceof Enum<?> e) {
            return JSON.textNode(EnumNames.name(e));
        }
        if (value instanceof Path || value instanceof String) {
            return JSON.textNode(value.toString());
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? JSON.numberNode(d) : null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof List<?> list) {
            ArrayNode out = JSON.arrayNode();
            for (Object item : list) {
                JsonNode y = yaml(item);
                if (y == null) {
                    return null;
                }
                out.add(y);
            }
            return out;
        }
        return null;
    }
}
