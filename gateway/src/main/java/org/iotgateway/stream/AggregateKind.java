package org.iotgateway.stream;

/**
 * The aggregates a window can compute; each one configured becomes one key of the payload
 * ({@link #key()}). In YAML they are written in lower case: count, min, max, mean, sum, first, last.
 */
public enum AggregateKind {
    COUNT, MIN, MAX, MEAN, SUM, FIRST, LAST;

    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    /** The payload key, identical to the YAML name. */
    public String key() {
        return key;
    }
}
