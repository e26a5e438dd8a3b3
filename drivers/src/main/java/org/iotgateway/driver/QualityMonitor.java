package org.iotgateway.driver;

/**
 * Decides ok versus degraded from a sensor's recent input: over each block of
 * {@value #BLOCK} frames or samples, more than half rejected means degraded. Only touches the state
 * while the link is up (a disconnected sensor stays disconnected). Called on the driver's thread.
 */
public final class QualityMonitor {
    static final int BLOCK = 20;

    private final StateReporter state;
    private int seen;
    private int bad;

    public QualityMonitor(StateReporter state) {
        this.state = state;
    }

    public void good() {
        record(false);
    }

    public void bad() {
        record(true);
    }

    private void record(boolean rejected) {
        seen++;
        if (rejected) {
            bad++;
        }
        if (seen < BLOCK) {
            return;
        }
        if (state.current() != SensorState.DISCONNECTED) {
            state.set(bad * 2 > seen ? SensorState.DEGRADED : SensorState.OK,
                    bad + " of the last " + seen + " inputs rejected");
        }
        seen = 0;
        bad = 0;
    }
}
