package org.iotgateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON-pointer paths ({@code /sensors/0/id}, root = {@code ""}) and their human-readable labels
 * ({@code sensors[0].id}). Pure functions.
 */
final class Paths {
    private Paths() {
    }

    static String child(String path, String key) {
        return path + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String path, int index) {
        return path + "/" + index;
    }

    /** The parent path, or null for the root. */
    static String parent(String path) {
        return path.isEmpty() ? null : path.substring(0, path.lastIndexOf('/'));
    }

    /** The last key, unescaped; "" for the root. */
    static String last(String path) {
        return path.isEmpty() ? "" : unescape(path.substring(path.lastIndexOf('/') + 1));
    }

    /** {@code /sensors/0/channels/1} becomes {@code sensors[0].channels[1]}; the root is "the top level". */
    static String label(String path) {
        if (path.isEmpty()) {
            return "the top level";
        }
        StringBuilder out = new StringBuilder();
        for (String seg : segments(path)) {
            if (seg.chars().allMatch(Character::isDigit) && !seg.isEmpty()) {
                out.append('[').append(seg).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(seg);
            }
        }
        return out.toString();
    }

    /** The label of the value itself, for messages like {@code 'aggregates[2]' must be ...}. */
    static String keyLabel(String path) {
        String label = label(path);
        int dot = label.lastIndexOf('.');
        return dot < 0 ? label : label.substring(dot + 1);
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String seg : path.substring(1).split("/", -1)) {
            out.add(unescape(seg));
        }
        return out;
    }

    private static String unescape(String seg) {
        return seg.replace("~1", "/").replace("~0", "~");
    }
}
