package org.iotgateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ChannelHistoryTest {
    static final long T0 = 1_800_000_000_000L; // on a 10 s boundary

    @Test
    void keepsTheLastHourInTenSecondMeansAndNothingOlder() {
        ChannelHistory h = new ChannelHistory();
        // three hours of 1 s windows whose value is the second of the hour they started in
        for (long t = 0; t < 3 * 3_600_000; t += 1000) {
            h.record(T0 + t + 1000, (t / 1000) % 3600, (t / 1000) % 3600);
        }
        long now = T0 + 3 * 3_600_000;
        float[] hour = h.lastHour(now);
        assertThat(hour).hasSize(ChannelHistory.POINTS);
        // point i is the bucket starting (359 - i) * 10 s before now: windows starting at seconds 9 + 10 i .. 18 + 10 i
        for (int i = 0; i < ChannelHistory.POINTS - 1; i++) {
            int first = 9 + 10 * i;
            assertThat(hour[i]).as("bucket %d", i).isCloseTo(first + 4.5f, Offset.offset(1e-3f));
        }
        assertThat(hour[359]).as("the newest bucket reuses the slot of an hour ago without mixing in its values")
                .isEqualTo(3599f);
        assertThat(h.last()).isEqualTo(3599.0);
        assertThat(h.lastEndMillis()).isEqualTo(now);
    }

    @Test
    void boundedWhateverIsRecorded() {
        ChannelHistory h = new ChannelHistory();
        for (int i = 0; i < 200_000; i++) {
            h.record(T0 + i * 37L, i, i);
        }
        float[] hour = h.lastHour(T0 + 199_999 * 37L);
        assertThat(hour).hasSize(360);
        assertThat(IntStream.range(0, 360).filter(i -> !Float.isNaN(hour[i])).count()).isEqualTo(360);
    }

    @Test
    void emptyWindowsAddNothingAndKeepTheLastValue() {
        ChannelHistory h = new ChannelHistory();
        h.record(T0 + 1000, 20.0, 21.0);
        h.record(T0 + 2000, Double.NaN, Double.NaN);
        float[] hour = h.lastHour(T0 + 5000);
        assertThat(hour[359]).isEqualTo(20.0f);
        assertThat(h.last()).isEqualTo(21.0);
        assertThat(h.lastEndMillis()).isEqualTo(T0 + 1000);
    }

    @Test
    void nothingRecordedIsAllGapsAndAllocatesNothing() {
        ChannelHistory h = new ChannelHistory();
        assertThat(h.lastHour(T0)).containsOnly(Float.NaN);
        assertThat(h.last()).isNaN();
    }

    @Test
    void aStaleHourShowsAsGaps() {
        ChannelHistory h = new ChannelHistory();
        h.record(T0 + 1000, 5, 5);
        assertThat(h.lastHour(T0 + 2 * 3_600_000)).containsOnly(Float.NaN);
    }
}
