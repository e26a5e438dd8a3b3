package org.iotgateway.driver.serial.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.iotgateway.driver.serial.parser.Parsed.parse;
import static org.iotgateway.driver.serial.parser.Parsed.reason;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class NmeaParserTest {
    private final NmeaParser nmea = new NmeaParser();

    @Test
    void ggaFromTheNmeaReferenceExample() throws Exception {
        Map<String, Double> f = parse(nmea, "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47");
        assertThat(f.get("latitude")).isCloseTo(48 + 7.038 / 60, within(1e-9));
        assertThat(f.get("longitude")).isCloseTo(11 + 31.0 / 60, within(1e-9));
        assertThat(f).containsEntry("altitude", 545.4).containsEntry("fix-quality", 1.0).containsEntry("satellites", 8.0);
    }

    @Test
    void rmcGivesSpeedInMetresPerSecondAndCourse() throws Exception {
        Map<String, Double> f = parse(nmea, "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A");
        assertThat(f.get("speed")).isCloseTo(22.4 * 1852 / 3600, within(1e-9));
        assertThat(f).containsEntry("course", 84.4).doesNotContainKey("latitude");
    }

    @Test
    void southAndWestAreNegative() throws Exception {
        String body = "GNGGA,010203.00,3351.1234,S,15112.5000,W,2,12,0.8,10.0,M,0.0,M,,";
        Map<String, Double> f = parse(nmea, "$" + body + "*" + checksum(body));
        assertThat(f.get("latitude")).isCloseTo(-(33 + 51.1234 / 60), within(1e-9));
        assertThat(f.get("longitude")).isCloseTo(-(151 + 12.5 / 60), within(1e-9));
        assertThat(f).containsEntry("fix-quality", 2.0);
    }

    @Test
    void aRealReceiverLogWithSeveralTalkersAFixAndTheFixLost() throws Exception {
        List<Map<String, Double>> out = new ArrayList<>();
        for (String line : log()) {
            out.add(parse(nmea, line));
        }
        // GNGSA, GPZDA, GPGSV, GLGSV: not read, no fields; GNRMC with a fix: speed and course.
        assertThat(out.get(0)).isEmpty();
        assertThat(out.get(1).get("speed")).isCloseTo(0.60 * 1852 / 3600, within(1e-9));
        assertThat(out.get(1)).containsEntry("course", 301.29);
        assertThat(out.get(2)).isEmpty();
        Map<String, Double> fix = out.get(3);
        assertThat(fix.get("latitude")).isCloseTo(55 + 41.1956 / 60, within(1e-9));
        assertThat(fix.get("longitude")).isCloseTo(37 + 37.2877 / 60, within(1e-9));
        assertThat(fix).containsEntry("altitude", 66.2).containsEntry("fix-quality", 1.0)
                .containsEntry("satellites", 5.0);
        assertThat(out.get(5)).isEmpty();
        assertThat(out.get(6)).isEmpty();
        // No fix: empty position fields; only fix quality 0 and the satellite count.
        assertThat(out.get(7)).containsExactly(Map.entry("fix-quality", 0.0), Map.entry("satellites", 0.0));
        assertThat(out.get(9)).isEmpty(); // RMC status V
    }

    @Test
    void checksumErrorsAndBrokenSentencesAreRejected() {
        String good = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47";
        assertThat(reason(nmea, good.replace("*47", "*48"))).isEqualTo("checksum");
        assertThat(reason(nmea, good.replace("4807.038", "4807.039"))).isEqualTo("checksum");
        assertThat(reason(nmea, good.replace("*47", "*4"))).isEqualTo("checksum");
        assertThat(reason(nmea, good.replace("*47", "*ZZ"))).isEqualTo("checksum");
        assertThat(reason(nmea, good.substring(0, good.indexOf('*')))).isEqualTo("unparseable");
        assertThat(reason(nmea, good.substring(20))).isEqualTo("unparseable");
        String shortBody = "GPGGA,123519,4807.038,N";
        assertThat(reason(nmea, "$" + shortBody + "*" + checksum(shortBody))).isEqualTo("field-count");
        String badCoord = "GPGGA,123519,48x7.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,";
        assertThat(reason(nmea, "$" + badCoord + "*" + checksum(badCoord))).isEqualTo("not-a-number");
    }

    public static List<String> log() throws IOException {
        try (InputStream in = NmeaParserTest.class.getResourceAsStream("/nmea/bu353-glonass-excerpt.log")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> l.startsWith("$")).toList();
        }
    }

    static String checksum(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return String.format("%02X", sum);
    }
}
