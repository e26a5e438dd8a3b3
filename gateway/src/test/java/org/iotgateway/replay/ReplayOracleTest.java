package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iotgateway.config.FilterConfig;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.filter.CalibrateParams;
import org.iotgateway.stream.filter.RangeParams;
import org.iotgateway.wire.AggregatePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays a million seeded random rows and compares the output with a brute-force oracle: plain
 * HashMap grouping and loops over the same rows, sharing no code with the engine.
 *
 * <p>The oracle applies the same lateness rule (a row is late when its window ends at or before the
 * largest timestamp of the rows accepted before it) and adds values in arrival order, as the engine
 * does; floating-point addition is not associative, so only the same order makes sums bit-exact.
 * Comparison is of the rendered JSON lines, which holds every aggregate exactly (Double.toString
 * tells all doubles apart) and the order (window end, then config order).
 */
class ReplayOracleTest {
    private static final int ROWS = 1_000_000;
    private static final long T0 = Instant.parse("2026-11-24T05:00:00Z").toEpochMilli();
    private static final GatewayConfig CONFIG = TestConfigs.gateway("oracle",
            TestConfigs.sensor("env-1",
                    TestConfigs.channel("temperature", Duration.ofSeconds(1), List.of()),
                    TestConfigs.channel("humidity", Duration.ofSeconds(10), List.of())),
            TestConfigs.sensor("env-2",
                    TestConfigs.channel("temperature", Duration.ofSeconds(60),
                            List.of(new FilterConfig("range", new RangeParams(-40.0, 85.0)))),
                    TestConfigs.channel("pressure", Duration.ofSeconds(10), List.of())),
            TestConfigs.sensor("pump",
                    TestConfigs.channel("rpm", Duration.ofSeconds(1), List.of()),
                    TestConfigs.channel("current", Duration.ofSeconds(60),
                            List.of(new FilterConfig("calibrate", new CalibrateParams(2.0, 0.5))))));
    private static final String[][] KEYS = {{"env-1", "temperature"}, {"env-1", "humidity"},
            {"env-2", "temperature"}, {"env-2", "pressure"}, {"pump", "rpm"}, {"pump", "current"}};

    @TempDir
    static Path dir;
    static Path csv;
    static int[] ids = new int[ROWS];
    static long[] stamps = new long[ROWS];
    static double[] values = new double[ROWS];

    @BeforeAll
    static void writeCsv() throws IOException {
        SplittableRandom random = new SplittableRandom(20261124);
        csv = dir.resolve("oracle.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write(RowParser.HEADER + "\n");
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                int id = random.nextInt(KEYS.length);
                // Two rows per millisecond, some a few ms early: out of order within windows, late at their ends.
                long ts = T0 + i / 2 - (random.nextInt(4) == 0 ? random.nextInt(6) : 0);
                value.setLength(0);
                value.append(random.nextInt(10) == 0 ? "-" : "").append(random.nextInt(120))
                        .append('.').append(random.nextInt(1000));
                if (random.nextInt(50) == 0) {
                    value.append("e-").append(random.nextInt(3));
                }
                ids[i] = id;
                stamps[i] = ts;
                values[i] = Double.parseDouble(value.toString());
                w.write(random.nextInt(20) == 0 ? Instant.ofEpochMilli(ts).toString() : Long.toString(ts));
                w.write(',' + KEYS[id][0] + ',' + KEYS[id][1] + ',');
                w.write(value.toString());
                w.write(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
        }
    }

    /** Chunk sizes and parsing threads: one thread, the default, and many small chunks on more threads than cores. */
    @ParameterizedTest
    @CsvSource({"262144, 1", "262144, 2", "4093, 3"})
    void replayEqualsTheBruteForceOracle(int chunk, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReplayResult result;
        try (FileChannel in = FileChannel.open(csv)) {
            result = Replay.run(CONFIG, in, out, new PrintStream(new ByteArrayOutputStream()), chunk, threads,
                    System.nanoTime());
        }
        Oracle oracle = new Oracle();
        List<String> expected = oracle.lines();
        List<String> actual = out.toString(StandardCharsets.UTF_8).lines().toList();

        assertThat(result.rowsRead()).isEqualTo(ROWS);
        assertThat(result.accepted()).isEqualTo(ROWS);
        assertThat(result.late()).isEqualTo(oracle.late).isPositive();
        assertThat(result.rejectedByFilters()).isEqualTo(oracle.rejected).isPositive();
        assertThat(result.aggregates()).isEqualTo(expected.size());
        assertSeqAndOrder(actual);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("aggregate line %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    private static void assertSeqAndOrder(List<String> lines) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String previousEnd = "";
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = json.readTree(lines.get(i));
            assertThat(node.get("seq").asLong()).isEqualTo(i + 1);
            String end = node.get("end").asText(); // fixed-width ISO: string order is time order
            assertThat(end).isGreaterThanOrEqualTo(previousEnd);
            previousEnd = end;
        }
    }

    /** The brute-force computation: no windows ring, no watermark object, just a map over all rows. */
    private static final class Oracle {
        long late;
        long rejected;
        final List<ChannelInfo> channels = org.iotgateway.app.ChannelTable.of(CONFIG).channels();
        final Map<List<Long>, double[]> windows = new HashMap<>(); // (id, start) -> count,min,max,sum,first,last,firstTs,lastTs

        Oracle() {
            long maxSeen = Long.MIN_VALUE;
            for (int i = 0; i < ROWS; i++) {
                int id = ids[i];
                long ts = stamps[i];
                double v = values[i];
                long seenBefore = maxSeen;
                maxSeen = Math.max(maxSeen, ts);
                if (id == 2 && (v < -40 || v > 85)) {
                    rejected++;
                    continue;
                }
                if (id == 5) {
                    v = v * 2.0 + 0.5;
                }
                long size = channels.get(id).windowMillis();
                long start = Math.floorDiv(ts, size) * size;
                if (start + size <= seenBefore) {
                    late++;
                    continue;
                }
                double[] w = windows.computeIfAbsent(List.of((long) id, start), k -> new double[] {
                        0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
                w[0]++;
                w[1] = v < w[1] ? v : w[1];
                w[2] = v > w[2] ? v : w[2];
                w[3] += v;
                if (ts < w[6]) {
                    w[4] = v;
                    w[6] = ts;
                }
                if (ts >= w[7]) {
                    w[5] = v;
                    w[7] = ts;
                }
            }
        }

        List<String> lines() {
            List<Aggregate> all = new ArrayList<>();
            windows.forEach((k, w) -> {
                ChannelInfo c = channels.get(k.get(0).intValue());
                long start = k.get(1);
                all.add(new Aggregate(c, start, start + c.windowMillis(), (long) w[0], w[1], w[2], w[3], w[4], w[5]));
            });
            all.sort(Comparator.comparingLong(Aggregate::end).thenComparingInt(a -> a.channel().id()));
            List<String> lines = new ArrayList<>();
            for (Aggregate a : all) {
                lines.add(AggregatePayload.render(lines.size() + 1, "oracle", a));
            }
            return lines;
        }
    }
}
