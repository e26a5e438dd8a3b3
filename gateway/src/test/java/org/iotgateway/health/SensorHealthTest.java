package org.iotgateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.Test;

class SensorHealthTest {
    private final List<String> forwarded = new ArrayList<>();
    private final ReadingSink ring = new ReadingSink() {
        @Override
        public boolean offer(int channel, long epochMillis, double value) {
            forwarded.add("offer " + channel + " " + value);
            return true;
        }

        @Override
        public void reject(String sensor, String reason, String detail) {
            forwarded.add("reject " + sensor + " " + reason);
        }
    };

    @Test
    void staleChecksAreNeededOnlyWhenASensorHasAStaleAfter() {
        SensorHealth health = new SensorHealth(1_000);
        health.add("a", null);
        assertThat(health.watchesStaleness()).as("no stale-after: no checks, no scheduler thread").isFalse();
        health.add("b", Duration.ofSeconds(5));
        assertThat(health.watchesStaleness()).isTrue();
    }

    @Test
    void statesAndLastReadingAreTrackedAndEverythingIsForwarded() {
        SensorHealth health = new SensorHealth(1_000);
        health.add("a", null);
        ReadingSink sink = health.sink("a", ring);
        assertThat(health.snapshot().get("a")).isEqualTo(new SensorStatus(SensorState.OK, 0, false, null));
        sink.offer(3, 5_000, 1.5);
        sink.reject("a", "checksum", null);
        sink.state("a", SensorState.DISCONNECTED, "port gone");
        assertThat(health.snapshot().get("a"))
                .isEqualTo(new SensorStatus(SensorState.DISCONNECTED, 5_000, false, "port gone"));
        assertThat(forwarded).containsExactly("offer 3 1.5", "reject a checksum");
    }

    @Test
    void staleIsRaisedAfterSilenceAndClearedWhenReadingsReturn() {
        SensorHealth health = new SensorHealth(0);
        health.add("a", Duration.ofSeconds(10));
        health.add("quiet", null);
        ReadingSink sink = health.sink("a", ring);
        health.check(10_000);
        assertThat(health.snapshot().get("a").stale()).isFalse();
        health.check(10_001); // never read since the start 10.001 s ago
        assertThat(health.snapshot().get("a").stale()).isTrue();
        sink.offer(0, 20_000, 1);
        health.check(20_500);
        assertThat(health.snapshot().get("a").stale()).isFalse();
        health.check(30_001);
        assertThat(health.snapshot().get("a").stale()).isTrue();
        assertThat(health.snapshot().get("quiet").stale()).as("no stale-after: never stale").isFalse();
        assertThat(health.snapshot()).containsOnlyKeys("a", "quiet");
    }

    @Test
    void aReloadCarriesAKeptSensorsHealthOnAndItsRunningDriversSinkFeedsTheNewOne() {
        SensorHealth before = new SensorHealth(0);
        before.add("kept", Duration.ofSeconds(10));
        before.add("gone", null);
        ReadingSink keptSink = before.sink("kept", ring);
        keptSink.state("kept", SensorState.DISCONNECTED, "port gone");

        SensorHealth after = new SensorHealth(50_000);
        after.adopt(before, "kept");
        after.add("new", Duration.ofSeconds(10));
        assertThat(after.snapshot()).containsOnlyKeys("kept", "new");
        assertThat(after.snapshot().get("kept").state()).isEqualTo(SensorState.DISCONNECTED);
        after.check(55_000);
        assertThat(after.snapshot().get("kept").stale()).as("silent since the start at 0").isTrue();
        assertThat(after.snapshot().get("new").stale()).as("silent since the reload at 50 s only").isFalse();
        keptSink.offer(0, 56_000, 1);
        keptSink.state("kept", SensorState.OK, null);
        after.check(56_500);
        assertThat(after.snapshot().get("kept")).isEqualTo(new SensorStatus(SensorState.OK, 56_000, false, null));
    }
}
