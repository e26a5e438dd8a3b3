package org.iotgateway.driver;

/**
 * Remembers a sensor's last reported {@link SensorState} and passes only changes on to the sink,
 * so drivers can call {@link #set} on every outcome without flooding the health log. Thread-safe.
 * {@link #report} also passes on a new detail in the same state (a diagnosis that changed: the
 * GPIO chip appeared but is not accessible yet), which the status shows; the health log still
 * logs state changes only.
 */
public final class StateReporter {
    private final String sensor;
    private final ReadingSink sink;
    private SensorState current;
    private String detail;

    public StateReporter(String sensor, ReadingSink sink) {
        this.sensor = sensor;
        this.sink = sink;
    }

    /** Reports {@code state} if it differs from the last one; returns whether it did. */
    public synchronized boolean set(SensorState state, String detail) {
        if (state == current) {
            return false;
        }
        current = state;
        this.detail = detail;
        sink.state(sensor, state, detail);
        return true;
    }

    /** Reports {@code state} and {@code detail} if either differs from the last; returns whether it did. */
    public synchronized boolean report(SensorState state, String detail) {
        if (state == current && java.util.Objects.equals(detail, this.detail)) {
            return false;
        }
        current = state;
        this.detail = detail;
        sink.state(sensor, state, detail);
        return true;
    }

    public synchronized SensorState current() {
        return current;
    }
}
