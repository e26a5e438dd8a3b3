package org.iotgateway.stream.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.InvalidValueException;
import org.junit.jupiter.api.Test;

class FiltersTest {
    static double[] run(Filter f, long[] ts, double[] vs) {
        double[] out = new double[vs.length];
        for (int i = 0; i < vs.length; i++) {
            out[i] = f.apply(ts[i], vs[i]);
        }
        return out;
    }

    static long[] seconds(int n) {
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = i * 1000L;
        }
        return ts;
    }

    @Test
    void calibrateScaleOffsetAndPolynomial() {
        assertThat(new CalibrateFilter(new CalibrateParams(2.0, 0.5)).apply(0, 3)).isEqualTo(6.5);
        Filter poly = new CalibrateFilter(new CalibrateParams(null, null, List.of(1.0, 0.0, 2.0))); // 1 + 2v²
        assertThat(poly.apply(0, 3)).isEqualTo(19);
        assertThat(poly.apply(0, 1e200)).as("overflow is rejected, not passed on as infinity").isNaN();
        assertThat(poly.dropKind()).isEqualTo(Filter.DropKind.REJECTED);
        assertThatThrownBy(() -> new CalibrateParams(2.0, null, List.of(1.0))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rangeRejectsOutsideAndPassesTheBounds() {
        Filter f = new RangeFilter(new RangeParams(-40.0, 85.0));
        assertThat(run(f, seconds(4), new double[] {-40, 85, 85.01, -1e9})).containsExactly(-40, 85, Double.NaN, Double.NaN);
    }

    @Test
    void deadbandPassesChangesBeyondTheThresholdAndAHeartbeat() {
        Filter f = new DeadbandFilter(new DeadbandParams(0.5, Duration.ofSeconds(3)));
        // t=0 the first passes; 0.3 within; 0.6 beyond (vs 0); 0.9 and 1.0 within (vs 0.6); at t=5 s the
        // last passed (t=2 s) is a heartbeat old, so 0.8 passes though within; 0.7 within again
        double[] out = run(f, seconds(7), new double[] {0, 0.3, 0.6, 0.9, 1.0, 0.8, 0.7});
        assertThat(out).containsExactly(0, Double.NaN, 0.6, Double.NaN, Double.NaN, 0.8, Double.NaN);
        assertThat(f.dropKind()).isEqualTo(Filter.DropKind.FILTERED);
    }

    @Test
    void medianOfTheLastN() {
        Filter f = new MedianFilter(new WindowParams(3));
        assertThat(run(f, seconds(5), new double[] {1, 100, 2, 3, -50})).containsExactly(1, 50.5, 2, 3, 2);
    }

    @Test
    void hampelRejectsAnOutlierAndAcceptsALevelShiftLater() {
        Filter f = new HampelFilter(new HampelParams(5, 3.0));
        double[] in = {10, 11, 10, 12, 11, 50, 11, 30, 30, 30, 30};
        double[] out = run(f, seconds(in.length), in);
        assertThat(out[5]).as("spike").isNaN();
        assertThat(out[6]).isEqualTo(11);
        assertThat(out[10]).as("the new level, once it dominates the reference").isEqualTo(30);
        assertThat(f.dropKind()).isEqualTo(Filter.DropKind.REJECTED);
    }

    @Test
    void rateOfChangeRejectsJumpsFasterThanTheLimit() {
        Filter f = new RateOfChangeFilter(new RateOfChangeParams(2.0));
        // per second: +1 ok, +100 too fast, back down −99 too fast (vs the spike), +1 ok; same-time change rejected
        double[] out = run(f, new long[] {0, 1000, 2000, 3000, 4000, 4000}, new double[] {0, 1, 101, 2, 3, 4});
        assertThat(out).containsExactly(0, 1, Double.NaN, Double.NaN, 3, Double.NaN);
    }

    @Test
    void throttleLetsOneReadingPerInterval() {
        Filter f = new ThrottleFilter(new ThrottleParams(Duration.ofMillis(1000)));
        double[] out = run(f, new long[] {0, 400, 999, 1000, 1500, 2100}, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(out).containsExactly(1, Double.NaN, Double.NaN, 4, Double.NaN, 6);
    }

    @Test
    void everyFilterIsInTheCatalog() {
        assertThat(FilterCatalog.names()).containsExactly("calibrate", "deadband", "hampel", "median", "range",
                "rate-of-change", "throttle");
    }
}
