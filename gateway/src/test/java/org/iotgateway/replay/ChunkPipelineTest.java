package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iotgateway.config.GatewayConfig;

/**
 * However the input is cut into chunks and however many threads parse them, the consumer sees what
 * one thread reading it whole would produce: the same readings in the same order, the same rejects
 * with the same line numbers, the same aggregates.
 */
class ChunkPipelineTest {
    private static final GatewayConfig CONFIG = TestConfigs.simple(3);
    private static final String[] KEYS = {"s0,value", "s1,value", "s2,value"};

    @Property(tries = 300)
    void anySplitAndThreadCountGivesTheSingleThreadedResult(@ForAll("csv") String csv,
            @ForAll @IntRange(min = 48, max = 300) int chunk, @ForAll @IntRange(min = 1, max = 4) int threads)
            throws IOException {
        Outcome whole = replay(csv, 1 << 16, 1);
        Outcome split = replay(csv, chunk, threads);
        assertThat(split).isEqualTo(whole);
    }

    @Example
    void readingsArriveInInputOrder() throws IOException {
        StringBuilder csv = new StringBuilder(RowParser.HEADER + "\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(',').append(KEYS[i % 3]).append(',').append(i % 97).append(".5\n");
        }
        List<Long> seen = new ArrayList<>();
        pipeline(csv.toString(), 200, 3).run(c -> {
            for (int i = 0; i < c.size; i++) {
                seen.add(c.ts[i]);
            }
        });
        assertThat(seen).hasSize(20_000);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Example
    void aConsumerFailureStopsTheParsersAndIsRethrown() {
        StringBuilder csv = new StringBuilder(RowParser.HEADER + "\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(i).append(",s0,value,1\n");
        }
        UncheckedIOException boom = new UncheckedIOException(new IOException("disk full"));
        int[] calls = {0};
        assertThatThrownBy(() -> pipeline(csv.toString(), 100, 2).run(c -> {
            if (++calls[0] == 3) {
                throw boom;
            }
        })).isSameAs(boom);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("replay-parse-"));
    }

    @Example
    void aReadFailureIsUnreadableInputAfterTheChunksBeforeIt() {
        byte[] first = (RowParser.HEADER + "\n1,s0,value,1\n").getBytes(StandardCharsets.US_ASCII);
        ReadableByteChannel failing = new ReadableByteChannel() {
            private boolean served;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (served) {
                    throw new IOException("I/O error");
                }
                served = true;
                dst.put(first);
                return first.length;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        List<Integer> sizes = new ArrayList<>();
        ChunkPipeline p = new ChunkPipeline(new CsvChunkReader(failing, first.length), parser(), 2, first.length);
        assertThatThrownBy(() -> p.run(c -> sizes.add(c.size)))
                .isInstanceOf(ReplayInputException.class).hasMessageContaining("I/O error");
        assertThat(sizes).containsExactly(1);
    }

    private static ChunkPipeline pipeline(String csv, int chunk, int threads) {
        ReadableByteChannel in = Channels.newChannel(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)));
        return new ChunkPipeline(new CsvChunkReader(in, chunk), parser(), threads, chunk);
    }

    private static RowParser parser() {
        return new RowParser(new KeyTable(KEYS, new int[] {0, 1, 2}), new KeyTable(new String[] {"s0", "s1", "s2"}, new int[3]));
    }

    private record Outcome(long rows, long accepted, Object rejects, Object firstLines, long late, List<String> out) {
    }

    private static Outcome replay(String csv, int chunk, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReadableByteChannel in = Channels.newChannel(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.ISO_8859_1)));
        ReplayResult r = Replay.run(CONFIG, in, out, new PrintStream(new ByteArrayOutputStream()), chunk, threads, 0);
        return new Outcome(r.rowsRead(), r.accepted(), r.rejects(), r.firstRejectedLines(), r.late(),
                out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /**
     * A header and rows: mostly good ones (epoch or ISO, LF or CRLF, out of order), some bad; none
     * longer than the smallest chunk (where a line is too long depends on the chunk size).
     */
    @Provide
    Arbitrary<String> csv() {
        Arbitrary<String> ts = Arbitraries.longs().between(0, 60_000).map(String::valueOf);
        Arbitrary<String> good = Combinators.combine(ts, Arbitraries.of(KEYS),
                        Arbitraries.integers().between(-999, 999), Arbitraries.of("\n", "\r\n"))
                .as((t, k, v, eol) -> t + "," + k + "," + v / 10.0 + eol);
        Arbitrary<String> iso = Arbitraries.longs().between(0, 60_000)
                .map(t -> java.time.Instant.ofEpochMilli(t) + ",s1,value,2.5\n");
        Arbitrary<String> bad = Arbitraries.of("\n", "\r\n", "1,s9,value,1\n", "1,s0,nope,1\n", "x,s0,value,1\n",
                "1,s0,value,abc\n", "1,s0,value\n", "1,s0,value,1,2\n");
        Arbitrary<String> row = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, good), net.jqwik.api.Tuple.of(1, iso), net.jqwik.api.Tuple.of(2, bad));
        return row.list().ofMaxSize(200).map(rows -> RowParser.HEADER + "\n" + String.join("", rows));
    }
}
