package org.iotgateway.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one load, turning paths into positions and scrubbing secret values out
 * of every message. One instance per load, used only by the loading thread.
 */
final class Problems {
    /** Past this many the rest are almost always follow-ups of the same mistake. */
    static final int LIMIT = 100;
    private static final String HIDDEN = "****";

    private final String file;
    private final List<Problem> list = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();
    private YamlLocations locations = new YamlLocations();

    Problems(String file) {
        this.file = file;
    }

    void locations(YamlLocations locations) {
        this.locations = locations;
    }

    YamlLocations locations() {
        return locations;
    }

    ConfigPositions positions() {
        return new ConfigPositions(file, locations);
    }

    /**
     * Values that must never appear in a message: a backstop, since messages about secret paths
     * already leave values out. Short ones are skipped: scrubbing "pass" would turn 'password'
     * into '****word' in every message.
     */
    void secret(String value) {
        if (value != null && value.length() >= 6) {
            secrets.add(value);
        }
    }

    /** A problem with the value at {@code path} (or where it should be, when it is missing). */
    void atValue(String path, String message) {
        add(locations.valueOf(path), message);
    }

    /** A problem with the key at {@code path} itself (unknown, duplicate). */
    void atKey(String path, String message) {
        add(locations.keyOf(path), message);
    }

    void at(YamlLocations.Position pos, String message) {
        add(pos, message);
    }

    void whole(String message) {
        list.add(Problem.ofFile(file, scrub(message)));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    boolean full() {
        return list.size() >= LIMIT;
    }

    void throwIfAny() throws ConfigException {
        if (!list.isEmpty()) {
            throw exception();
        }
    }

    /** The problems so far, in file order; there must be at least one. */
    ConfigException exception() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::col));
        return new ConfigException(sorted);
    }

    private void add(YamlLocations.Position pos, String message) {
        if (list.size() < LIMIT) {
            list.add(new Problem(file, pos.line(), pos.col(), scrub(message)));
        }
    }

    private String scrub(String message) {
        for (String s : secrets) {
            message = message.replace(s, HIDDEN);
        }
        return message;
    }
}
