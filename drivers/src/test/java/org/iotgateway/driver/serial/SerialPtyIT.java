package org.iotgateway.driver.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.serial.parser.Pms5003Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real bytes through a real pseudo-terminal into the serial driver. */
class SerialPtyIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void goodLinesBecomeReadingsAndEveryKindOfBadInputIsCountedByReason() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SocatPty pty = new SocatPty(dir).start();
             SerialDriver driver = new SerialDriver(SerialSpecs.spec(
                     SerialSpecs.params(pty.devicePath(), ParserKind.CSV, List.of("t", "h"), null), "t", "h"))) {
            driver.start(sink);
            await().atMost(WAIT).until(() -> sink.lastState() == SensorState.OK);
            pty.write("21.5,40\r\n");
            pty.write(new byte[] {'2', '2', ',', 0x01, 0x02, '\n'});              // control bytes: garbage
            pty.write(new byte[] {'2', '3', ',', (byte) 0xc3, (byte) 0x28, '\n'}); // invalid UTF-8
            pty.write("9".repeat(200) + "\n");                                    // longer than 128 bytes
            pty.write("1,2,3\n");                                                 // field count
            pty.write("warm,40\n");                                               // not a number
            pty.write("22.5,41\n");                                               // back in step
            await().atMost(WAIT).until(() -> sink.values(0).contains(22.5));
            assertThat(sink.values(0)).containsExactly(21.5, 22.5);
            assertThat(sink.values(1)).containsExactly(40.0, 41.0);
            assertThat(sink.rejects).hasSize(5);
            for (String reason : List.of("garbage", "invalid-utf8", "line-too-long", "field-count", "not-a-number")) {
                assertThat(sink.rejects(reason)).as(reason).isEqualTo(1);
            }
            pty.write("23.5,4"); // half a line, then the device is unplugged
            await().atMost(WAIT).until(() -> driver.counts().frames() == 6);
            Thread.sleep(100);
            pty.kill();
            await().atMost(WAIT).until(() -> sink.rejects("partial-frame") == 1);
            assertThat(driver.counts().used()).isEqualTo(2);
            assertThat(driver.counts().rejected()).isEqualTo(6);
        }
    }

    @Test
    void nmeaFromARealReceiverLogWithACorruptedSentence() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SocatPty pty = new SocatPty(dir).start();
             SerialDriver driver = new SerialDriver(SerialSpecs.spec(
                     SerialSpecs.params(pty.devicePath(), ParserKind.NMEA, null, null),
                     "latitude", "longitude", "fix-quality", "speed"))) {
            driver.start(sink);
            await().atMost(WAIT).until(() -> sink.lastState() == SensorState.OK);
            StringBuilder log = new StringBuilder();
            for (String line : org.iotgateway.driver.serial.parser.NmeaParserTest.log()) {
                log.append(line).append("\r\n");
            }
            String corrupted = "$GPGGA,081413.000,5541.1959,N,03737.2894,E,1,5,4.87,66.2,M,14.5,M,,*6A\r\n";
            pty.write(log + corrupted);
            await().atMost(WAIT).until(() -> driver.counts().frames() == 11);
            assertThat(sink.rejects("checksum")).isEqualTo(1);
            assertThat(sink.totalRejects()).isEqualTo(1);
            assertThat(sink.values(0)).hasSize(1).allSatisfy(v -> assertThat(v).isBetween(55.686, 55.687));
            assertThat(sink.values(2)).containsExactly(1.0, 0.0); // the fix, then the fix lost
            assertThat(sink.values(3)).hasSize(1);
            assertThat(driver.counts().used()).isEqualTo(3);
            assertThat(driver.counts().ignored()).isEqualTo(7);
        }
    }

    @Test
    void pms5003FramesWithGoodAndBadChecksumsAndAPartialFrame() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SocatPty pty = new SocatPty(dir).start();
             SerialDriver driver = new SerialDriver(SerialSpecs.spec(
                     SerialSpecs.params(pty.devicePath(), ParserKind.PMS5003, null, null), "pm2.5", "pm10"))) {
            driver.start(sink);
            await().atMost(WAIT).until(() -> sink.lastState() == SensorState.OK);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write("noise".getBytes(StandardCharsets.US_ASCII));
            bytes.write(Pms5003Parser.frame(1, 2, 3, 4, 12, 20));
            byte[] bad = Pms5003Parser.frame(1, 2, 3, 4, 99, 20);
            bad[12] ^= 0x40;
            bytes.write(bad);
            bytes.write(java.util.Arrays.copyOf(Pms5003Parser.frame(1, 2, 3, 4, 77, 20), 17)); // cut short
            bytes.write(Pms5003Parser.frame(1, 2, 3, 4, 13, 21));
            pty.write(bytes.toByteArray());
            await().atMost(WAIT).until(() -> sink.values(0).size() == 2);
            assertThat(sink.values(0)).containsExactly(12.0, 13.0);
            assertThat(sink.values(1)).containsExactly(20.0, 21.0);
            assertThat(sink.rejects("garbage")).isEqualTo(1);
            assertThat(sink.rejects("checksum")).isEqualTo(2); // the corrupted one, the short one + its successor's start
        }
    }
}
