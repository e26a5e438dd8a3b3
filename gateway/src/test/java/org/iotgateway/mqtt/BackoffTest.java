package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class BackoffTest {
    @RepeatedTest(20)
    void doublesFromHalfASecondToThirtySecondsWithJitterAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        long[] ceilings = {500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long ceiling : ceilings) {
            assertThat(b.nextDelayMillis()).isBetween(ceiling / 2, ceiling);
        }
        b.reset();
        assertThat(b.nextDelayMillis()).isBetween(250L, 500L);
    }
}
