package org.iotgateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The hand-written ISO text is exactly what the java.time pattern it replaced gives. */
class IsoMillisTest {
    private static final DateTimeFormatter JAVA_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Property(tries = 20_000)
    void sameAsJavaTimeAroundNow(@ForAll @LongRange(min = -5_000_000_000_000L, max = 5_000_000_000_000L) long millis) {
        assertThat(iso(millis)).isEqualTo(JAVA_TIME.format(Instant.ofEpochMilli(millis)));
    }

    @Property(tries = 20_000)
    void sameAsJavaTimeForAnyLong(@ForAll long millis) {
        assertThat(iso(millis)).isEqualTo(JAVA_TIME.format(Instant.ofEpochMilli(millis)));
    }

    @Example
    void edges() {
        for (long millis : new long[] {0, -1, 1, 1_795_496_400_000L, 951_782_400_000L, 253_402_300_799_999L,
                253_402_300_800_000L, -62_167_219_200_000L, -62_167_219_200_001L, -377_705_116_800_001L,
                -377_705_116_800_000L, 999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(iso(millis)).as("%d", millis).isEqualTo(JAVA_TIME.format(Instant.ofEpochMilli(millis)));
        }
        assertThat(iso(1_795_496_400_123L)).isEqualTo("2026-11-24T05:00:00.123Z");
    }

    private static String iso(long millis) {
        StringBuilder b = new StringBuilder();
        IsoMillis.append(b, millis);
        return b.toString();
    }
}
