package org.iotgateway.driver;

/**
 * Remembers a sensor's last reported {@link SensorState} and passes only changes on to the sink,
 * so drivers can call {@link #set} on every outcome without flooding the health log. Thread-safe.
 */
public final class StateReporter {
    private final String sensor;
    private final ReadingSink sink;
    private SensorState current;

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
        sink.state(sensor, state, detail);
        return true;
    }

    public synchronized SensorState current() {
        return current;
    }
}
