package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Chunks hold whole lines, in order, whatever the chunk size and however the reads are cut. */
class CsvChunkReaderTest {

    @Property(tries = 500)
    void chunksAreTheInputsLinesInOrderWithOverlongLinesReported(@ForAll("lines") List<String> lines,
            @ForAll boolean finalNewline, @ForAll @IntRange(min = 8, max = 64) int capacity, @ForAll long seed)
            throws IOException {
        String text = String.join("\n", lines) + (finalNewline ? "\n" : "");
        List<String> expected = new ArrayList<>();
        for (String l : text.isEmpty() ? List.<String>of() : List.of(text.split("\n", -1))) {
            expected.add(l.length() + 1 > capacity ? "<overlong>" : l);
        }
        if (text.endsWith("\n")) {
            expected.remove(expected.size() - 1); // split's empty string after the last '\n'
        }

        List<String> got = new ArrayList<>();
        CsvChunkReader reader = new CsvChunkReader(new ShortReads(text, seed), capacity);
        Chunk c = new Chunk(capacity);
        for (reader.next(c); c.kind != Chunk.Kind.END; reader.next(c)) {
            if (c.kind == Chunk.Kind.OVERLONG) {
                got.add("<overlong>");
                continue;
            }
            assertThat(c.length).isBetween(1, capacity + 1);
            assertThat(c.bytes[c.length - 1]).isEqualTo((byte) '\n');
            String chunk = new String(c.bytes, 0, c.length - 1, StandardCharsets.ISO_8859_1);
            got.addAll(List.of(chunk.split("\n", -1)));
        }
        assertThat(got).isEqualTo(expected);
    }

    @Example
    void aLineOfExactlyTheCapacityWithoutItsNewlineIsOverlongButOneWithItFits() throws IOException {
        assertThat(chunks("abcdefg\nxy\n", 8)).containsExactly("abcdefg\n", "xy\n");
        assertThat(chunks("abcdefgh\nxy\n", 8)).containsExactly("<overlong>", "xy\n");
        assertThat(chunks("abcdefgh", 8)).containsExactly("<overlong>");
        assertThat(chunks("abc", 8)).containsExactly("abc\n");
        assertThat(chunks("", 8)).isEmpty();
    }

    private static List<String> chunks(String text, int capacity) throws IOException {
        List<String> out = new ArrayList<>();
        CsvChunkReader reader = new CsvChunkReader(new ShortReads(text, 1), capacity);
        Chunk c = new Chunk(capacity);
        for (reader.next(c); c.kind != Chunk.Kind.END; reader.next(c)) {
            out.add(c.kind == Chunk.Kind.OVERLONG ? "<overlong>" : new String(c.bytes, 0, c.length, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789,.sv\r").ofMaxLength(12),
                Arbitraries.strings().withChars("x,").ofMinLength(40).ofMaxLength(150)); // longer than small chunks
        return line.list().ofMaxSize(40);
    }

    /** A channel that hands out 1 to 2 * size bytes per read, as a pipe does. */
    private static final class ShortReads implements ReadableByteChannel {
        private final ByteBuffer data;
        private final SplittableRandom random;

        ShortReads(String text, long seed) {
            this.data = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!data.hasRemaining()) {
                return -1;
            }
            int n = Math.min(Math.min(dst.remaining(), data.remaining()), 1 + random.nextInt(2 * 16));
            ByteBuffer slice = data.slice();
            slice.limit(n);
            dst.put(slice);
            data.position(data.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
