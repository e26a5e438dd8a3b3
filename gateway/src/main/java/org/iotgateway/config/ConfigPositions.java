package org.iotgateway.config;

/**
 * Where the values of a loaded file sit, for messages about a config that bound fine (warnings):
 * a JSON-pointer path such as {@code /sensors/0/channels/1/window} becomes {@code FILE:LINE:COL}.
 * A path that is not in the file (a default) points at the nearest enclosing key that is.
 * Immutable after the load; safe to read from any thread.
 */
public final class ConfigPositions {
    private final String file;
    private final YamlLocations locations;

    ConfigPositions(String file, YamlLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    /** A message about the value at {@code pointer}, printed as {@code FILE:LINE:COL: message}. */
    public Problem at(String pointer, String message) {
        YamlLocations.Position p = locations.valueOf(pointer);
        return new Problem(file, p.line(), p.col(), message);
    }

    /** The 1-based line of the value at {@code pointer} (or of its nearest enclosing key). */
    public int line(String pointer) {
        return locations.valueOf(pointer).line();
    }

    /** {@code /sensors/S/channels/C}, the pointer of one channel, S and C being list indexes. */
    public static String channel(int sensor, int channel) {
        return "/sensors/" + sensor + "/channels/" + channel;
    }
}
