package org.iotgateway.stream;

/**
 * The aggregates a window can compute; each one configured becomes one key of the payload
 * ({@link #key()}). In YAML they are written in lower case: count, min, max, mean, sum, first, last,
 * stddev, twmean, rate, p50, p90, p95, p99.
 */
public enum AggregateKind {
    /** The number of readings in the window. */
    COUNT,
    /** The smallest value. */
    MIN,
    /** The largest value. */
    MAX,
    /** {@code sum / count}. */
    MEAN,
    /** The sum of the values. */
    SUM,
    /** The value with the earliest timestamp (ties: the first to arrive). */
    FIRST,
    /** The value with the latest timestamp (ties: the last to arrive). */
    LAST,
    /** Population standard deviation (divides by n), by Welford's numerically stable update. */
    STDDEV,
    /**
     * Time-weighted mean, for irregular sampling: step interpolation (each value holds until the
     * next reading, the last until the window's end) divided by the time from the first reading to
     * the window's end.
     */
    TWMEAN,
    /**
     * A counter's increase per second between the window's first and last reading; a decrease is a
     * counter reset, after which the new value counts as the increase since the reset (as
     * Prometheus does); no extrapolation to the window's edges; {@code null} with fewer than 2
     * readings.
     */
    RATE,
    /** The median: the value at rank ⌊0.5·(n−1)⌋, from the window's log-bucket sketch (1 % relative error). */
    P50,
    /** The 90th percentile: the value at rank ⌊0.9·(n−1)⌋, from the same sketch. */
    P90,
    /** The 95th percentile: the value at rank ⌊0.95·(n−1)⌋, from the same sketch. */
    P95,
    /** The 99th percentile: the value at rank ⌊0.99·(n−1)⌋, from the same sketch. */
    P99;

    private final String key = name().toLowerCase(java.util.Locale.ROOT);

    /** The payload key, identical to the YAML name. */
    public String key() {
        return key;
    }

    /** Whether it needs the window's moments (stddev, twmean, rate). */
    boolean needsMoments() {
        return this == STDDEV || this == TWMEAN || this == RATE;
    }

    /** Whether it needs the window's quantile sketch. */
    boolean needsSketch() {
        return this == P50 || this == P90 || this == P95 || this == P99;
    }
}
