package org.iotgateway.stream.filter;

/**
 * One step of a channel's filter chain. Each channel has its own instances (filters may keep
 * state), called only from the stream consumer thread (or the replay thread): never concurrently,
 * must not block, must not allocate per reading.
 */
public interface Filter {

    /**
     * @param epochMillis the reading's acquisition time
     * @param value the reading's value (always finite)
     * @return the value to pass on (possibly transformed), or {@code NaN} to stop the reading here;
     *         a stopped reading is counted under {@link #dropKind()}
     */
    double apply(long epochMillis, double value);

    /** How a reading this filter stops is counted. */
    DropKind dropKind();

    /** The two ways a filter can stop a reading. */
    enum DropKind {
        /** The reading is invalid (outside the plausible range, an outlier). */
        REJECTED,
        /** The reading is valid but not needed (unchanged within a deadband, throttled). */
        FILTERED
    }
}
