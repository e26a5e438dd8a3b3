package org.iotgateway.stream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogBucketsTest {
    static final double[] QS = {0.5, 0.9, 0.95, 0.99};

    /** The exact quantile with the sketch's rank rule: the value at floor(q·(n−1)) in sorted order. */
    static double exact(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[(int) Math.floor(q * (s.length - 1))];
    }

    static void assertWithinOnePercent(double[] values) {
        LogBuckets b = new LogBuckets(1);
        for (double v : values) {
            b.add(0, v);
        }
        for (double q : QS) {
            double want = exact(values, q);
            assertThat(b.quantile(0, q)).as("q=%s", q).isCloseTo(want, within(Math.abs(want) * LogBuckets.RELATIVE_ACCURACY + 1e-12));
        }
    }

    @Test
    void quantilesOfPositiveNegativeAndMixedDataAreWithinOnePercent() {
        Random r = new Random(7);
        double[] normal = new double[10_000];
        double[] negative = new double[10_000];
        double[] mixed = new double[10_000];
        double[] wide = new double[10_000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = 21 + r.nextGaussian();
            negative[i] = -5 - r.nextDouble() * 30;
            mixed[i] = r.nextGaussian() * 10;
            wide[i] = Math.exp(r.nextDouble() * 9); // 1 .. 8103: inside the 28,000:1 range
        }
        assertWithinOnePercent(normal);
        assertWithinOnePercent(negative);
        assertWithinOnePercent(mixed);
        assertWithinOnePercent(wide);
    }

    @Test
    void zerosAndASingleValue() {
        assertWithinOnePercent(new double[] {0, 0, 0, 1, 2});
        assertWithinOnePercent(new double[] {42});
    }

    @Test
    void emptySlotHasNoQuantile() {
        LogBuckets b = new LogBuckets(2);
        b.add(1, 5);
        assertThat(b.quantile(0, 0.5)).isNaN();
        b.reset(1);
        assertThat(b.quantile(1, 0.5)).isNaN();
    }

    @Test
    void aResetSlotForgetsItsValues() {
        LogBuckets b = new LogBuckets(1);
        for (int i = 0; i < 100; i++) {
            b.add(0, 1000);
        }
        b.reset(0);
        b.add(0, 3);
        assertThat(b.quantile(0, 0.99)).isCloseTo(3, within(0.03));
    }

    @Test
    void beyondTheRangeTheLowestMagnitudesFoldButHighQuantilesStayAccurate() {
        LogBuckets b = new LogBuckets(1);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 10 ? 1e-6 : 1_000 + i; // 1e9 : 1 span, far beyond the buckets
            b.add(0, values[i]);
        }
        for (double q : QS) {
            double want = exact(values, q);
            assertThat(b.quantile(0, q)).isCloseTo(want, within(want * 0.01));
        }
        assertThat(b.quantile(0, 0.001)).as("folded into the lowest kept bucket").isGreaterThan(1e-6);
    }
}
