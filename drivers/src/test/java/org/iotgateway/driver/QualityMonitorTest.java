package org.iotgateway.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QualityMonitorTest {
    private final RecordingSink sink = new RecordingSink();
    private final StateReporter state = new StateReporter("s", sink);
    private final QualityMonitor quality = new QualityMonitor(state);

    private void feed(int good, int bad) {
        for (int i = 0; i < bad; i++) {
            quality.bad();
        }
        for (int i = 0; i < good; i++) {
            quality.good();
        }
    }

    @Test
    void mostlyRejectedInputIsDegradedAndRecoveryIsReportedOnce() {
        state.set(SensorState.OK, "open");
        feed(9, 11);
        assertThat(state.current()).isEqualTo(SensorState.DEGRADED);
        feed(10, 10); // exactly half: not more than half
        assertThat(state.current()).isEqualTo(SensorState.OK);
        feed(20, 0);
        assertThat(sink.states).containsExactly(SensorState.OK, SensorState.DEGRADED, SensorState.OK);
    }

    @Test
    void aDisconnectedSensorStaysDisconnected() {
        state.set(SensorState.DISCONNECTED, "gone");
        feed(0, 40);
        feed(40, 0);
        assertThat(sink.states).containsExactly(SensorState.DISCONNECTED);
    }
}
