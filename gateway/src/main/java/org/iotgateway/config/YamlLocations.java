package org.iotgateway.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of the parsed YAML sits in the original text, by JSON-pointer path
 * ({@code /sensors/2/channels/0/id}): the position of its key and of its value. Filled by
 * {@link YamlTreeReader} on the loading thread, then only read.
 */
final class YamlLocations {
    /** A 1-based line and column. */
    record Position(int line, int col) {
    }

    private static final Position START = new Position(1, 1);
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();

    /** Keeps the first record: a duplicate key must not move the positions of the original. */
    void key(String path, Position at) {
        keys.putIfAbsent(path, at);
    }

    void value(String path, Position at) {
        values.putIfAbsent(path, at);
    }

    boolean has(String path) {
        return values.containsKey(path);
    }

    /** The key of {@code path}, else its value, else the nearest ancestor that exists. */
    Position keyOf(String path) {
        Position p = keys.get(path);
        return p != null ? p : valueOf(path);
    }

    /**
     * The value of {@code path}; for a path that does not exist (a missing required key), the key
     * of the nearest ancestor that exists, which is where the user has to add it.
     */
    Position valueOf(String path) {
        Position p = values.get(path);
        if (p != null) {
            return p;
        }
        for (String at = Paths.parent(path); at != null; at = Paths.parent(at)) {
            Position k = keys.get(at);
            if (k != null) {
                return k;
            }
            if (values.containsKey(at)) {
                return values.get(at);
            }
        }
        return START;
    }
}
