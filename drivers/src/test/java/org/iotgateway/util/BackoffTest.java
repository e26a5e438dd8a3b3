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
