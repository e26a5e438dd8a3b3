package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    @ParameterizedTest
    @CsvSource({
            "1795496400000, 2026-11-24T05:00:00.000Z",
            "1795496400000, 2026-11-24T05:00:00Z",
            "1795496400123, 2026-11-24T05:00:00.123Z",
            "1795496400120, 2026-11-24T05:00:00.12Z",
            "1795496400123, 2026-11-24T05:00:00.123999Z",
            "1795492800000, 2026-11-24T05:00:00+01:00",
            "0, 1970-01-01T00:00:00Z",
            "-1, 1969-12-31T23:59:59.999Z",
            "951782400000, 2000-02-29T00:00:00Z",
    })
    void isoAndEpochParseToTheSameMillis(String epoch, String iso) {
        assertThat(parse(epoch)).isEqualTo(Long.parseLong(epoch));
        assertThat(parse(iso)).isEqualTo(Long.parseLong(epoch));
    }

    @Test
    void handParsedIsoMatchesJavaTimeOnRandomInstants() {
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter millis = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        for (int i = 0; i < 100_000; i++) {
            long ms = random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L); // years ~0005 to ~9999
            Instant t = Instant.ofEpochMilli(ms);
            assertThat(parse(millis.format(t))).isEqualTo(ms);
            assertThat(parse(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                    .isEqualTo(Math.floorDiv(ms, 1000) * 1000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "12a", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", 
            "2026-11-24 05:00:00Z", "2026-11-24T05:00:00", "1234567890123456", "+5", "1.5"})
    void rejectsWhatIsNotATimestamp(String text) {
        assertThat(parse(text)).isEqualTo(TimestampParser.INVALID);
    }

    private static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return TimestampParser.parse(b, 0, b.length);
    }
}
