package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayRejectsTest {
    private static final GatewayConfig CONFIG = TestConfigs.simple(2);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final String CSV = String.join("\n",
            "timestamp,sensor,channel,value",          // 1
            "1000,s0,value,1.5",                        // 2 ok
            "1000,s9,value,1.5",                        // 3 unknown sensor
            "1000,s0,nope,1.5",                         // 4 unknown channel
            "10x0,s0,value,1.5",                        // 5 bad timestamp
            "1000,s1,value,1.5.5",                      // 6 bad number
            "1000,s1,value",                            // 7 too few fields
            "",                                         // 8 blank
            "1970-01-01T00:00:01.002Z,s1,value,2",      // 9 ok (ISO)
            "1000,s1,value,NaN",                        // 10 bad number: not a decimal
            "1000,s1,value,1,2",                        // 11 too many fields
            "1001,s0,value,-2.5\r",                     // 12 ok, CRLF
            "\r",                                       // 13 blank (CRLF)
            "1002,s7,value,1",                          // 14 unknown sensor
            "1002,s0,value,")                           // 15 bad number (empty), no final newline
            ;

    @ParameterizedTest
    @CsvSource({"262144, 1", "262144, 2", "64, 2", "37, 3"})
    void countsEveryRejectWithItsFirstLines(int chunk, int threads) throws IOException {
        ReplayResult r = replay(CSV, chunk, threads);

        assertThat(r.rowsRead()).isEqualTo(14);
        assertThat(r.accepted()).isEqualTo(3);
        assertThat(r.rowsRejected()).isEqualTo(11);
        assertThat(r.rejects()).containsOnly(
                entry(RejectReason.UNKNOWN_SENSOR, 2), entry(RejectReason.UNKNOWN_CHANNEL, 1),
                entry(RejectReason.BAD_TIMESTAMP, 1), entry(RejectReason.BAD_NUMBER, 3),
                entry(RejectReason.WRONG_FIELD_COUNT, 2), entry(RejectReason.BLANK_LINE, 2));
        assertThat(r.firstRejectedLines()).containsEntry(RejectReason.UNKNOWN_SENSOR, List.of(3L, 14L))
                .containsEntry(RejectReason.UNKNOWN_CHANNEL, List.of(4L))
                .containsEntry(RejectReason.BAD_TIMESTAMP, List.of(5L))
                .containsEntry(RejectReason.BAD_NUMBER, List.of(6L, 10L, 15L))
                .containsEntry(RejectReason.WRONG_FIELD_COUNT, List.of(7L, 11L))
                .containsEntry(RejectReason.BLANK_LINE, List.of(8L, 13L));
        assertThat(r.aggregates()).isEqualTo(2); // [0,10s) of s0 (two readings) and s1
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("14 rows read, 3 accepted, 11 rejected")
                .contains("unknown sensor: 2 (lines 3, 14)")
                .contains("bad number: 3 (lines 6, 10, 15)");
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).first().asString()
                .contains("\"seq\":1").contains("\"sensor\":\"s0\"").contains("\"count\":2").contains("\"min\":-2.5");
    }

    @Test
    void keepsOnlyTheFirstFiveLineNumbers() throws IOException {
        StringBuilder csv = new StringBuilder(RowParser.HEADER + "\n");
        for (int i = 0; i < 8; i++) {
            csv.append("1,x,value,1\n");
        }
        ReplayResult r = replay(csv.toString(), 1 << 16, 2);
        assertThat(r.rejected(RejectReason.UNKNOWN_SENSOR)).isEqualTo(8);
        assertThat(r.firstRejectedLines().get(RejectReason.UNKNOWN_SENSOR)).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown sensor: 8 (lines 2, 3, 4, 5, 6, ...)");
    }

    @Test
    void aLineLongerThanTheBufferIsRejectedNotFatal() throws IOException {
        String csv = RowParser.HEADER + "\n1000,s0,value,1\n1000,s0,value," + "1".repeat(200) + "\n1001,s0,value,2\n";
        ReplayResult r = replay(csv, 64, 2);
        assertThat(r.rejects()).containsOnly(entry(RejectReason.LINE_TOO_LONG, 1));
        assertThat(r.firstRejectedLines().get(RejectReason.LINE_TOO_LONG)).containsExactly(3L);
        assertThat(r.accepted()).isEqualTo(2);
    }

    @Test
    void aMissingFileIsUnreadableInput() {
        assertThatThrownBy(() -> Replay.run(CONFIG, dir.resolve("nope.csv"), out, new PrintStream(err)))
                .isInstanceOf(ReplayInputException.class).hasMessageContaining("nope.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "ts,sensor,channel,value\n1,s0,value,1\n", "1000,s0,value,1\n"})
    void aMissingOrWrongHeaderIsUnreadableInput(String csv) throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        assertThatThrownBy(() -> Replay.run(CONFIG, file, out, new PrintStream(err)))
                .isInstanceOf(ReplayInputException.class).hasMessageContaining("header");
    }

    @Test
    void aByteOrderMarkAndCrlfHeaderAreFine() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFF" + RowParser.HEADER + "\r\n1000,s0,value,1\r\n").getBytes(StandardCharsets.UTF_8));
        ReplayResult r = Replay.run(CONFIG, file, out, new PrintStream(err));
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rowsRejected()).isZero();
    }

    private ReplayResult replay(String csv, int chunk, int threads) throws IOException {
        Path file = Files.writeString(dir.resolve("in.csv"), csv);
        try (var in = java.nio.channels.FileChannel.open(file)) {
            return Replay.run(CONFIG, in, out, new PrintStream(err, true, StandardCharsets.UTF_8), chunk, threads,
                    System.nanoTime());
        }
    }

    private static java.util.Map.Entry<RejectReason, Long> entry(RejectReason r, long n) {
        return java.util.Map.entry(r, n);
    }
}
