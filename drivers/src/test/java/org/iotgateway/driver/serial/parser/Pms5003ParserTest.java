package org.iotgateway.driver.serial.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Pms5003ParserTest {
    private final Pms5003Parser pms = new Pms5003Parser();

    @Test
    void aValidFrameGivesEveryField() throws Exception {
        byte[] f = Pms5003Parser.frame(5, 8, 9, 5, 8, 9, 1200, 350, 60, 6, 2, 1, 0);
        assertThat(pms.check(f)).isNull();
        Map<String, Double> out = Parsed.parse(pms, f);
        assertThat(out).hasSize(12).containsEntry("pm1.0-cf1", 5.0).containsEntry("pm2.5", 8.0)
                .containsEntry("pm10", 9.0).containsEntry("n0.3", 1200.0).containsEntry("n10", 1.0);
    }

    @Test
    void aCorruptedByteFailsTheChecksumAndAWrongLengthFieldIsBadLength() {
        byte[] f = Pms5003Parser.frame(5, 8, 9, 5, 8, 9, 1200, 350, 60, 6, 2, 1, 0);
        f[10] ^= 0x01;
        assertThat(pms.check(f)).isEqualTo("checksum");
        byte[] g = Pms5003Parser.frame(1);
        g[3] = 20;
        assertThat(pms.check(g)).isEqualTo("bad-length");
    }
}
