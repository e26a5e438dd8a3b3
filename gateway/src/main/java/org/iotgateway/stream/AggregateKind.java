package org.iotgateway.stream;

/**
 * The aggregates a window can compute; each one configured becomes one key of the payload
 * ({@link #key()}). In YAML they are written in lower case: count, min, max, mean, sum, first, last,
 * stddev, twmean, rate, p50, p90, p95, p99.
 */
public enum AggregateKind {
    COUNT, MIN, MAX, MEAN, SUM, FIRST, LAST,
    /** Population standard deviation. */
    STDDEV,
    /** Time-weighted mean, step interpolation (see {@code SlotMoments}). */
    TWMEAN,
    /** Counter increase per second, surviving counter resets. */
    RATE,
    /** Quantiles from the window's log-bucket sketch (1 % relative error). */
    P50, P90, P95, P99;

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
