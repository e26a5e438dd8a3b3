package org.iotgateway.driver.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.iotgateway.driver.QualityMonitor;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.serial.parser.Pms5003Parser;

/**
 * Random byte chunks (noise mixed with valid lines and frames) through the real framers and every
 * parser: nothing escapes, and every input is accounted for. Each property runs 200 tries of 50
 * chunks: 10,000 chunks through the line framer (each try picks one of the five line formats) and
 * 10,000 through the PMS5003 binary framer.
 */
class FramingFuzzTest {
    private static final String PATTERN = "T:(?<t>[-0-9.]+) H:(?<h>[0-9.]+)";

    @Property(tries = 200)
    void lineFormatsAccountForEveryDelimiter(@ForAll("kinds") ParserKind kind,
            @ForAll @Size(50) List<@net.jqwik.api.From("chunks") byte[]> chunks) {
        SerialParams p = SerialSpecs.params("/dev/null", kind, List.of("t", "h"), PATTERN);
        RecordingSink sink = new RecordingSink();
        InputCounts counts = new InputCounts();
        FrameHandler handler = handler(p, sink, counts);
        LineFramer framer = new LineFramer((byte) '\n', p.maxLineLength(), handler);
        long delimiters = 0;
        for (byte[] c : chunks) {
            framer.accept(c, 0, c.length);
            for (byte b : c) {
                delimiters += b == '\n' ? 1 : 0;
            }
        }
        // End on a delimiter so that every segment, an over-long one too, is complete.
        framer.accept(new byte[] {'\n'}, 0, 1);
        delimiters++;
        framer.reset();
        long framingRejects = sink.rejects("line-too-long");
        assertThat(counts.frames() + sink.rejects("line-too-long")).isEqualTo(delimiters);
        assertThat(counts.frames()).isEqualTo(counts.used() + counts.ignored() + counts.rejected() - framingRejects);
        assertThat(sink.totalRejects()).isEqualTo(counts.rejected());
        assertThat(sink.readings).hasSize((int) counts.values());
        assertThat(sink.readings).allSatisfy(r -> assertThat(r.value()).isFinite());
    }

    @Property(tries = 200)
    void binaryFramesAreFoundAmongNoiseAndOnlyValidOnesAreUsed(
            @ForAll @Size(50) List<@net.jqwik.api.From("binaryChunks") byte[]> chunks) {
        SerialParams p = SerialSpecs.params("/dev/null", ParserKind.PMS5003, null, null);
        RecordingSink sink = new RecordingSink();
        InputCounts counts = new InputCounts();
        Pms5003Parser pms = new Pms5003Parser();
        BinaryFramer framer = new BinaryFramer(pms, handler(p, sink, counts));
        int valid = 0;
        for (byte[] c : chunks) {
            framer.accept(c, 0, c.length);
            valid += c.length == Pms5003Parser.FRAME_LENGTH && pms.check(c) == null ? 1 : 0;
        }
        framer.reset();
        // Noise can only cost frames through rejects, never produce readings from a bad frame.
        assertThat(counts.used()).isEqualTo(counts.frames());
        assertThat(sink.totalRejects()).isEqualTo(counts.rejected());
        assertThat(counts.frames()).isGreaterThanOrEqualTo(valid - counts.rejected());
        assertThat(sink.readings).allSatisfy(r -> assertThat(r.value()).isBetween(0.0, 65535.0));
    }

    private static FrameHandler handler(SerialParams p, RecordingSink sink, InputCounts counts) {
        return new FrameHandler("fuzz", p.parser().create(p), Map.of("t", new int[] {0}, "h", new int[] {1},
                "latitude", new int[] {2}, "pm2.5", new int[] {3}), sink, () -> 0L,
                new QualityMonitor(new StateReporter("fuzz", sink)), counts);
    }

    @Provide
    Arbitrary<ParserKind> kinds() {
        return Arbitraries.of(ParserKind.CSV, ParserKind.KEY_VALUE, ParserKind.REGEX, ParserKind.JSON, ParserKind.NMEA);
    }

    @Provide
    Arbitrary<byte[]> chunks() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> text = Arbitraries.strings().withChars("0123456789.,-=:{}\"tTH \r\n$*GPGA")
                .ofMaxLength(100).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> good = Arbitraries.of(
                "21.5,40\n", "t=21.5,h=40\n", "T:21.5 H:40\n", "{\"t\":21.5,\"h\":40}\n",
                "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n", "\n")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, noise), net.jqwik.api.Tuple.of(3, text), net.jqwik.api.Tuple.of(4, good));
    }

    @Provide
    Arbitrary<byte[]> binaryChunks() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> frame = Arbitraries.integers().between(0, 65535).array(int[].class).ofSize(13)
                .map(Pms5003Parser::frame);
        Arbitrary<byte[]> truncated = frame.map(f -> java.util.Arrays.copyOf(f, 1 + (f[5] & 0x1f)));
        Arbitrary<byte[]> flipped = frame.map(f -> {
            f[4 + (f[7] & 0x0f)] ^= 0x10;
            return f;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, noise), net.jqwik.api.Tuple.of(5, frame),
                net.jqwik.api.Tuple.of(2, truncated), net.jqwik.api.Tuple.of(1, flipped));
    }
}
