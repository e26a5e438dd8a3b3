package org.iotgateway.stream.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SlotMomentsTest {
    final SlotMoments m = new SlotMoments(2);

    @Test
    void populationStddevOfTheTextbookExample() {
        double[] xs = {2, 4, 4, 4, 5, 5, 7, 9};
        for (int i = 0; i < xs.length; i++) {
            m.add(0, i, xs[i]);
        }
        assertThat(m.stddev(0)).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void stddevIsStableForLargeOffsets() {
        for (int i = 0; i < 1000; i++) {
            m.add(0, i, 1e9 + (i % 2 == 0 ? 1 : -1));
        }
        assertThat(m.stddev(0)).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void timeWeightedMeanHoldsEachValueUntilTheNextReadingAndTheLastUntilTheEnd() {
        // window [0, 10000): 10 from t=1000 to 2000, 20 from 2000 to 10000: (10·1000 + 20·8000) / 9000
        m.add(0, 1000, 10);
        m.add(0, 2000, 20);
        assertThat(m.timeWeightedMean(0, 10_000)).isCloseTo(170_000.0 / 9000, within(1e-9));
    }

    @Test
    void anOutOfOrderReadingTakesEffectFromTheNewestTime() {
        m.add(0, 1000, 10);
        m.add(0, 5000, 20);
        m.add(0, 3000, 30); // treated as at 5000: 20 held for 0 ms, 30 from 5000 to 10000
        assertThat(m.timeWeightedMean(0, 10_000)).isCloseTo((10 * 4000 + 30 * 5000) / 9000.0, within(1e-9));
    }

    @Test
    void rateIsIncreasePerSecondAndSurvivesACounterReset() {
        m.add(0, 0, 100);
        m.add(0, 1000, 150);
        m.add(0, 2000, 10); // reset: 10 since the reset
        m.add(0, 4000, 30);
        assertThat(m.rate(0)).isCloseTo((50 + 10 + 20) / 4.0, within(1e-12));
    }

    @Test
    void undefinedValuesAreNaN() {
        assertThat(m.stddev(0)).isNaN();
        assertThat(m.timeWeightedMean(0, 10)).isNaN();
        assertThat(m.rate(0)).isNaN();
        m.add(1, 5, 3);
        assertThat(m.rate(1)).as("one reading has no rate").isNaN();
        assertThat(m.stddev(1)).isZero();
        assertThat(m.timeWeightedMean(1, 10)).isEqualTo(3);
        m.add(1, 5, 4);
        assertThat(m.rate(1)).as("no time between readings").isNaN();
    }

    @Test
    void resetStartsOver() {
        m.add(0, 0, 1);
        m.add(0, 1, 100);
        m.reset(0);
        m.add(0, 2, 5);
        assertThat(m.stddev(0)).isZero();
        assertThat(m.timeWeightedMean(0, 12)).isEqualTo(5);
    }
}
