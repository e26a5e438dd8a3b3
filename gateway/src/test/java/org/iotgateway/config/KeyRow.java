package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a generated key table: what a config key is, read from its record component, the
 * record's {@code @param} Javadoc ({@link ParamDoc}) and its constructor ({@link RecordProbe}).
 *
 * @param key the key as a user finds it: its path, e.g. {@code mqtt.keep-alive}
 * @param type string, integer, duration, one of, list of strings, mapping, ...
 * @param dflt the default: a YAML value in backticks, prose, none, or <b>required</b>
 * @param range the allowed values of an enum, or the Javadoc's range
 * @param meaning the Javadoc's text, with the meaning of each enum value
 */
record KeyRow(String key, String type, String dflt, String range, String meaning) {

    static KeyRow of(String key, Class<? extends Record> owner, RecordComponent c) {
        ParamDoc doc = ParamDoc.of(RecordJavadoc.of(owner).params().getOrDefault(c.getName(), ""));
        return new KeyRow("`" + key + "`", type(c.getGenericType()), dflt(owner, c, doc),
                range(c.getGenericType(), doc), meaning(c.getGenericType(), doc));
    }

    KeyRow withKey(String k) {
        return new KeyRow(k, type, dflt, range, meaning);
    }

    KeyRow withType(String t) {
        return new KeyRow(key, t, dflt, range, meaning);
    }

    KeyRow withRange(String r) {
        return new KeyRow(key, type, dflt, r, meaning);
    }

    KeyRow withMeaning(String m) {
        return new KeyRow(key, type, dflt, range, m);
    }

    static String table(List<KeyRow> rows) {
        StringBuilder out = new StringBuilder("| Key | Type | Default | Range / values | Meaning |\n|---|---|---|---|---|\n");
        for (KeyRow r : rows) {
            out.append("| ").append(cell(r.key)).append(" | ").append(cell(r.type)).append(" | ").append(cell(r.dflt))
                    .append(" | ").append(cell(r.range)).append(" | ").append(cell(r.meaning)).append(" |\n");
        }
        return out.toString();
    }

    static String type(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type item = p.getActualTypeArguments()[0];
            String of = type(item);
            return of.equals("one of") ? "list" : of.equals("mapping") ? "list of mappings" : "list of " + of + "s";
        }
        Class<?> c = (Class<?>) t;
        if (c.isEnum()) {
            return "one of";
        }
        if (c == Record.class || ConfigRecords.recordOf(c) != null) {
            return "mapping";
        }
        return switch (c.getSimpleName()) {
            case "String" -> "string";
            case "Path" -> "path";
            case "Integer", "Long" -> "integer";
            case "Double" -> "number";
            case "Boolean" -> "boolean";
            case "Duration" -> "duration";
            case "DataSize" -> "size";
            default -> throw new IllegalStateException("no reference type for " + t);
        };
    }

    private static String dflt(Class<? extends Record> owner, RecordComponent c, ParamDoc doc) {
        RecordProbe probe = RecordProbe.of(owner);
        if (probe.required().contains(RecordBinder.key(c))) {
            return "**required**";
        }
        if (doc.defaultProse() != null) {
            return doc.defaultProse();
        }
        Class<? extends Record> nested = c.getType().isRecord() ? ConfigRecords.recordOf(c.getType()) : null;
        if (nested != null) {
            RecordProbe inner = RecordProbe.of(nested);
            return inner.required().isEmpty() && inner.minimal() != null ? "all defaults" : "none";
        }
        Object value = probe.minimal() == null ? null : component(probe.minimal(), c);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        JsonNode yaml = SchemaScalars.yaml(value);
        return yaml == null || yaml.isArray() && yaml.isEmpty() ? "none" : "`" + inline(yaml) + "`";
    }

    /** A YAML value written inline: {@code 30s}, {@code [count, min]}, {@code ""}. */
    static String inline(JsonNode yaml) {
        if (yaml.isArray()) {
            StringBuilder out = new StringBuilder("[");
            yaml.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(inline(item)));
            return out.append(']').toString();
        }
        if (yaml.isDouble() && yaml.doubleValue() == Math.rint(yaml.doubleValue()) && Math.abs(yaml.doubleValue()) < 1e15) {
            return Long.toString((long) yaml.doubleValue());
        }
        String text = yaml.asText();
        boolean plain = !text.isEmpty() && text.chars().noneMatch(ch -> ch < 0x20) && !text.startsWith(" ") && !text.endsWith(" ");
        return plain ? text : yaml.toString();
    }

    private static String range(Type t, ParamDoc doc) {
        Class<?> values = enumOf(t);
        if (values != null) {
            return EnumNames.names(values).stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        }
        return doc.range() == null ? "" : doc.range();
    }

    private static String meaning(Type t, ParamDoc doc) {
        StringBuilder out = new StringBuilder(sentence(doc.meaning()));
        // A list's values are explained where the list links to (the aggregates).
        Class<?> values = t instanceof Class<?> c && c.isEnum() ? c : null;
        if (values != null) {
            for (Map.Entry<String, String> e : EnumJavadoc.of(values).entrySet()) {
                out.append(" `").append(e.getKey()).append("`: ").append(sentence(e.getValue()));
            }
        }
        return out.toString();
    }

    private static Class<?> enumOf(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            return enumOf(p.getActualTypeArguments()[0]);
        }
        return t instanceof Class<?> c && c.isEnum() ? c : null;
    }

    /** Capitalised, ending in a full stop. */
    static String sentence(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static Object component(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
