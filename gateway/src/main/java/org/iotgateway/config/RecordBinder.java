package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotgateway.driver.InvalidValueException;

/**
 * Binds a YAML mapping onto a record's canonical constructor: kebab-case keys onto components,
 * unknown keys refused with a suggestion, values converted by {@link ScalarConverter}, nested
 * records and lists recursively, and the constructor's {@link InvalidValueException} mapped back
 * to the offending key. Walks the tree itself instead of using {@code ObjectMapper.treeToValue}
 * so that it reports every problem in the file, not just the first, each with its exact path.
 * One instance per load, used only by the loading thread.
 */
final class RecordBinder {
    /** Binds one value at {@code path}; returns {@link #FAILED} once it has reported why. */
    interface ValueBinder {
        Object bind(JsonNode node, String path);
    }

    /** A value that could not be bound; its problem is already reported. */
    static final Object FAILED = new Object();

    private static final PropertyNamingStrategies.NamingBase KEBAB =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;

    private final Problems problems;

    RecordBinder(Problems problems) {
        this.problems = problems;
    }

    static String key(RecordComponent c) {
        return KEBAB.translate(c.getName());
    }

    /** "in mqtt", "in sensors[0].params", "at the top level": completes "unknown key 'x' ...". */
    static String where(String path) {
        return path.isEmpty() ? "at the top level" : "in " + Paths.label(path);
    }

    static JsonNode emptyMapping() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Binds with the generic rules only; {@code where} names the mapping in unknown-key messages. */
    Object bind(Class<? extends Record> type, JsonNode node, String path) {
        return bind(type, node, path, Map.of(), where(path));
    }

    /** Binds, letting {@code special} handle some components (by kebab-case key) itself. */
    Object bind(Class<? extends Record> type, JsonNode node, String path, Map<String, ValueBinder> special, String where) {
        if (!node.isObject()) {
            problems.atValue(path, Values.mustBe(path, "a mapping (key: value)", node));
            return FAILED;
        }
        RecordShape shape = RecordShape.of(type);
        RecordComponent[] components = shape.components;
        Map<String, RecordComponent> byKey = shape.byKey;
        node.fieldNames().forEachRemaining(k -> {
            if (!byKey.containsKey(k)) {
                problems.atKey(Paths.child(path, k), unknownKey(k, where, byKey.keySet()));
            }
        });
        Object[] args = new Object[components.length];
        boolean failed = false;
        for (int i = 0; i < components.length; i++) {
            String key = shape.keys[i];
            String at = Paths.child(path, key);
            JsonNode child = node.get(key);
            ValueBinder binder = special.get(key);
            if (binder != null) {
                args[i] = binder.bind(child, at);
            } else if (child == null || child.isNull()) {
                args[i] = missing(components[i].getType(), at);
            } else {
                args[i] = value(shape.genericTypes[i], child, at);
            }
            failed |= args[i] == FAILED;
        }
        return failed ? FAILED : construct(type, shape, args, path);
    }

    /** A list; a single value stands for a list of one (so {@code broker: tcp://a:1883} works). */
    Object list(JsonNode node, String path, ValueBinder element) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            Object one = element.bind(node, path);
            return one == FAILED ? FAILED : List.of(one);
        }
        List<Object> out = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < node.size(); i++) {
            String at = Paths.child(path, i);
            Object v = node.get(i).isNull() ? empty(at) : element.bind(node.get(i), at);
            failed |= v == FAILED;
            out.add(v);
        }
        return failed ? FAILED : out;
    }

    private Object empty(String path) {
        problems.atValue(path, "'" + Paths.keyLabel(path) + "' is an empty list item; remove it or give it a value");
        return FAILED;
    }

    Object value(Type type, JsonNode node, String path) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return list(node, path, (n, at) -> value(p.getActualTypeArguments()[0], n, at));
        }
        // Scalars first: DataSize is a record but is written as one value (64MB).
        if (type instanceof Class<?> c && ScalarConverter.supports(c)) {
            try {
                return ScalarConverter.convert(node, c);
            } catch (ScalarConverter.BadValue e) {
                problems.atValue(path, Values.mustBe(path, e.expected, node) + e.hint);
                return FAILED;
            }
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return bind(c.asSubclass(Record.class), node, path);
        }
        // A driver or filter author used a type the YAML cannot express: a bug, not a config error.
        throw new IllegalStateException("cannot bind config values of type " + type + " (at " + path + ")");
    }

    private Object missing(Class<?> type, String path) {
        if (type.isPrimitive()) {
            problems.atValue(path, "'" + Paths.keyLabel(path) + "' is required");
            return FAILED;
        }
        return null;
    }

    private Object construct(Class<? extends Record> type, RecordShape shape, Object[] args, String path) {
        try {
            return shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidValueException iv) {
                problems.atValue(iv.key() == null ? path : Paths.child(path, iv.key()), iv.getMessage());
            } else if (cause instanceof RuntimeException) {
                problems.atValue(path, "invalid " + Paths.label(path) + ": " + cause.getMessage());
            } else {
                throw new IllegalStateException("constructor of " + type.getName() + " failed", cause);
            }
            return FAILED;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private static String unknownKey(String key, String where, Iterable<String> known) {
        String base = "unknown key '" + key + "' " + where;
        if (!known.iterator().hasNext()) {
            return base + "; it takes no keys";
        }
        return base + Suggestions.hint(key, known, "valid keys are");
    }
}
