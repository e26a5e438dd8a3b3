package org.iotgateway.driver.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.InvalidValueException;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.junit.jupiter.api.Test;

class SimulatedDriverTest {
    record Reading(int channel, long ts, double value) {
    }

    static final class CollectingSink implements ReadingSink {
        final List<Reading> readings = new ArrayList<>();

        @Override
        public synchronized boolean offer(int channel, long epochMillis, double value) {
            readings.add(new Reading(channel, epochMillis, value));
            return true;
        }

        @Override
        public void reject(String sensor, String reason, String detail) {
            throw new AssertionError("no rejects expected");
        }

        synchronized List<Reading> of(int channel) {
            return readings.stream().filter(r -> r.channel == channel).toList();
        }
    }

    @Test
    void emitsEveryReadingAtItsIdealTimeForEachShape() {
        SignalParams constant = new SignalParams(Shape.CONSTANT, 7.0, null, null, null);
        SignalParams step = new SignalParams(Shape.STEP, 1.0, 4.0, Duration.ofMillis(100), null);
        SignalParams sine = new SignalParams(Shape.SINE, 20.0, 2.0, Duration.ofSeconds(1), 500.0);
        SensorSpec<SimulatedParams, SignalParams> spec = new SensorSpec<>("sim", new SimulatedParams(1000.0, 3L),
                List.of(new ChannelSpec<>(5, "constant", constant), new ChannelSpec<>(6, "step", step),
                        new ChannelSpec<>(7, "sine", sine)));
        CollectingSink sink = new CollectingSink();
        SimulatedDriver driver = new SimulatedDriver(spec);
        driver.start(sink);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.of(5).size() >= 300 && sink.of(7).size() >= 150);
        driver.close();

        List<Reading> c = sink.of(5);
        long t0 = c.get(0).ts();
        for (int k = 0; k < c.size(); k++) {
            assertThat(c.get(k).ts()).as("1 kHz: reading k at t0 + k ms").isEqualTo(t0 + k);
            assertThat(c.get(k).value()).isEqualTo(7.0);
        }
        assertThat(sink.of(6)).extracting(Reading::value).containsOnly(1.0, 5.0).contains(1.0, 5.0);
        List<Reading> s = sink.of(7);
        assertThat(s.get(1).ts() - s.get(0).ts()).as("channel rate overrides the sensor's").isEqualTo(2);
        assertThat(s).allSatisfy(r -> assertThat(r.value()).isBetween(18.0, 22.0));
        int after = sink.readings.size();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> sink.readings.size() == after);
    }

    /** The driver's loop run by hand against clocks the test moves: 2 readings/s for {@code seconds}. */
    static final class ClockedRun {
        long wall = 1_795_000_000_000L;
        long mono = 7_000_000_000L;
        final CollectingSink sink = new CollectingSink();
        final SimulatedDriver driver;

        ClockedRun() {
            SignalParams constant = new SignalParams(Shape.CONSTANT, 1.0, null, null, null);
            driver = new SimulatedDriver(new SensorSpec<>("sim", new SimulatedParams(2.0, 1L),
                    List.of(new ChannelSpec<>(0, "c", constant))), () -> wall, () -> mono);
            driver.begin();
        }

        void run(double seconds) {
            long until = mono + (long) (seconds * 1e9);
            while (mono < until) {
                long sleep = driver.emitOwed(sink);
                mono += sleep;
                wall += sleep / 1_000_000;
            }
        }

        List<Long> gaps() {
            List<Reading> r = sink.of(0);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < r.size(); i++) {
                gaps.add(r.get(i).ts() - r.get(i - 1).ts());
            }
            return gaps;
        }
    }

    @Test
    void readingsAreStampedOnTheWallClockAndFollowItsStepsKeepingTheirSpacing() {
        ClockedRun run = new ClockedRun();
        long start = run.wall;
        run.run(2);
        run.wall += Duration.ofDays(2).toMillis(); // NTP sets an RTC-less Pi's clock
        run.run(2);
        run.wall -= Duration.ofHours(1).toMillis(); // and an admin sets it back
        run.run(2);
        List<Reading> r = run.sink.of(0);
        assertThat(r.get(0).ts()).isEqualTo(start);
        assertThat(r).hasSize(12);
        assertThat(run.gaps()).as("500 ms apart, but across each step")
                .containsExactly(500L, 500L, 500L, 500L + Duration.ofDays(2).toMillis(), 500L, 500L, 500L,
                        500L - Duration.ofHours(1).toMillis(), 500L, 500L, 500L);
        assertThat(r.get(11).ts()).as("the last reading, 5.5 s after the start, on the stepped clock")
                .isEqualTo(start + 5_500 + Duration.ofDays(2).toMillis() - Duration.ofHours(1).toMillis());
    }

    @Test
    void aDifferenceBelowAStepIsNotFollowedSoTheSpacingStaysExact() {
        ClockedRun run = new ClockedRun();
        run.run(1);
        run.wall += SampleTimeline.STEP_MILLIS - 1; // NTP slewing shows up as no such jump; a tiny step stays below
        run.run(2);
        assertThat(run.gaps()).containsOnly(500L);
        run.wall += 2; // now past it
        run.run(1);
        assertThat(run.gaps()).containsOnly(500L, 500L + SampleTimeline.STEP_MILLIS + 1);
    }

    @Test
    void theSameSeedRepeatsTheSameRandomWalk() {
        assertThat(firstValues(42)).isEqualTo(firstValues(42)).isNotEqualTo(firstValues(43));
    }

    private static List<Double> firstValues(long seed) {
        SignalParams walk = new SignalParams(Shape.RANDOM_WALK, 0.0, 1.0, null, null);
        SensorSpec<SimulatedParams, SignalParams> spec = new SensorSpec<>("sim", new SimulatedParams(1000.0, seed),
                List.of(new ChannelSpec<>(0, "walk", walk)));
        CollectingSink sink = new CollectingSink();
        SimulatedDriver driver = new SimulatedDriver(spec);
        driver.start(sink);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.of(0).size() >= 50);
        driver.close();
        return sink.of(0).subList(0, 50).stream().map(Reading::value).toList();
    }

    @Test
    void ratesOutsideTheSupportedRangeAreRejectedAtLoad() {
        assertThatThrownBy(() -> new SimulatedParams(100_001.0, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 100000");
        assertThatThrownBy(() -> new SignalParams(null, null, null, null, 0.0))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).key()).isEqualTo("rate"));
    }
}
