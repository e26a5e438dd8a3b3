package org.iotgateway.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @RepeatedTest(20)
    void doublesFromHalfASecondToThirtySecondsWithJitterAndResets() {
        Backoff b = Backoff.withJitter(Duration.ofMillis(500), Duration.ofSeconds(30));
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long ceiling : ceilings) {
            assertThat(b.nextMillis()).isBetween(ceiling / 2, ceiling);
        }
        b.reset();
        assertThat(b.nextMillis()).isBetween(250L, 500L);
    }

    /**
     * Full jitter: every delay within [0, ceiling], and the draws really cover the interval (a
     * fleet's reconnects spread over all of it). The spread checks fail by chance with a
     * probability below 1e-40 (2,000 draws, each in the outer tenth with probability 0.1).
     */
    @Test
    void fullJitterDrawsFromZeroToTheDoublingCeilingAndCoversIt() {
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int round = 0; round < 2000; round++) {
            Backoff b = Backoff.fullJitter(Duration.ofMillis(500), Duration.ofSeconds(30));
            for (long ceiling : ceilings) {
                assertThat(b.nextMillis()).isBetween(0L, ceiling);
            }
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        Backoff capped = Backoff.fullJitter(Duration.ofSeconds(30), Duration.ofSeconds(30));
        for (int i = 0; i < 2000; i++) {
            long d = capped.nextMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).as("some draws in the first tenth").isLessThan(3_000);
        assertThat(max).as("some draws in the last tenth").isGreaterThan(27_000);
        Backoff reset = Backoff.fullJitter(Duration.ofMillis(500), Duration.ofSeconds(30));
        reset.nextMillis();
        reset.nextMillis();
        reset.reset();
        assertThat(reset.nextMillis()).isBetween(0L, 500L);
    }

    @Test
    void exactDelaysDoubleToTheCapAndReset() {
        Backoff b = Backoff.exact(Duration.ofMillis(500), Duration.ofSeconds(5));
        long[] expected = {500, 1000, 2000, 4000, 5000, 5000};
        for (long ms : expected) {
            assertThat(b.nextMillis()).isEqualTo(ms);
        }
        b.reset();
        assertThat(b.nextMillis()).isEqualTo(500);
    }
}
