package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path may only take a line the full rules accept, with the same values, whatever follows
 * the line in the buffer; and it must take the common shape (or it would be dead code).
 */
class FastRowParserTest {
    private static final String[] KEYS = {"s0,value", "s1,value", "s42,value", "env-1,temperature", "a,b",
            "a-very-long-sensor-name.with_dots,and-a-long-channel-name"};
    private static final KeyTable TABLE = new KeyTable(KEYS, new int[] {0, 1, 2, 3, 4, 5});
    private final FastRowParser fast = new FastRowParser(TABLE);

    @Property(tries = 5000)
    void takesOnlyWhatTheFullRulesAcceptWithTheSameValues(@ForAll("anyLine") String line, @ForAll("after") String after) {
        Chunk c = new Chunk(256);
        byte[] text = (line + after).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, c.bytes, 0, text.length);
        int next = fast.parse(c.bytes, 0, c);
        if (next < 0) {
            assertThat(c.size).isZero();
            return;
        }
        assertThat(next).isEqualTo(line.length());
        assertThat(c.size).isEqualTo(1);
        String[] f = line.substring(0, line.length() - 1).split(",", -1);
        assertThat(f).hasSize(4);
        String value = f[3].length() > 1 && f[3].endsWith("\r") ? f[3].substring(0, f[3].length() - 1) : f[3];
        assertThat(c.ts[0]).isEqualTo(TimestampParser.parse(bytes(f[0]), 0, f[0].length())).isNotEqualTo(TimestampParser.INVALID);
        assertThat(c.channel[0]).isEqualTo(TABLE.find(bytes(f[1] + "," + f[2]), 0, f[1].length() + 1 + f[2].length()));
        assertThat(Double.doubleToRawLongBits(c.value[0]))
                .isEqualTo(Double.doubleToRawLongBits(DecimalParser.parse(bytes(value), 0, value.length())));
    }

    @Property(tries = 2000)
    void takesTheCommonShape(@ForAll("commonLine") String line, @ForAll("after") String after) {
        Chunk c = new Chunk(256);
        byte[] text = (line + after).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, c.bytes, 0, text.length);
        assertThat(fast.parse(c.bytes, 0, c)).isEqualTo(line.length());
    }

    @Example
    void handWorkedRows() {
        assertThat(one("1795496400000,s0,value,15.24\n")).isEqualTo("0 1795496400000 15.24");
        assertThat(one("7,s42,value,-0.5\r\n")).isEqualTo("2 7 -0.5");
        assertThat(one("123456789012345,a,b,5.\n")).isEqualTo("4 123456789012345 5.0");
        assertThat(one("0,env-1,temperature,.25\n")).isEqualTo("3 0 0.25");
        assertThat(one("1,s0,value,-0\n")).isEqualTo("0 1 -0.0");
        for (String other : new String[] {"1234567890123456,s0,value,1\n", "-1,s0,value,1\n", "2026-11-24T05:00:00Z,s0,value,1\n",
                "1,s9,value,1\n", "1,s0,value,1,2\n", "1,s0,value,+1\n", "1,s0,value,1e3\n", "1,s0,value,.\n",
                "1,s0,value,12345678\n", "1,s0,value,1.12345678\n", "1,s0,value,1\r\r\n", "1,s0\n", ",s0,value,1\n"}) {
            assertThat(one(other)).as(other).isNull();
        }
    }

    private String one(String line) {
        Chunk c = new Chunk(256);
        byte[] b = bytes(line + ",,,,9,9,9,9");
        System.arraycopy(b, 0, c.bytes, 0, b.length);
        int next = fast.parse(c.bytes, 0, c);
        if (next < 0) {
            return null;
        }
        assertThat(next).isEqualTo(line.length());
        return c.channel[0] + " " + c.ts[0] + " " + c.value[0];
    }

    @Provide
    Arbitrary<String> commonLine() {
        Arbitrary<String> ts = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(15);
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(7);
        Arbitrary<String> decimals = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(7);
        Arbitrary<String> value = Combinators.combine(Arbitraries.of("", "-"), whole, Arbitraries.of("", "."), decimals)
                .as((s, w, dot, d) -> s + w + (dot.isEmpty() || d.isEmpty() ? dot : "." + d));
        return Combinators.combine(ts, Arbitraries.of(KEYS), value, Arbitraries.of("\n", "\r\n"))
                .as((t, k, v, eol) -> t + "," + k + "," + v + eol);
    }

    /** Lines near the fast path's edges: most fields well-formed, some not, in every combination. */
    @Provide
    Arbitrary<String> anyLine() {
        Arbitrary<String> ts = Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(17),
                Arbitraries.of("-12", "+5", "2026-11-24T05:00:00Z", "1970-01-01T00:00:00.5Z", "12a", " 1", "1\r"));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS),
                Arbitraries.of("s9,value", "s0,nope", "s0", "s0,value,x", ",", "s0,,value", "s0,value\r", "s0 ,value"));
        Arbitrary<String> number = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(10);
        Arbitrary<String> value = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("", "-", "+", "--"), number, Arbitraries.of("", ".", ".."), number)
                        .as((s, a, dot, b) -> s + a + dot + b),
                Arbitraries.of("1e5", "1E-3", "NaN", "Infinity", "0x1", "1d", " 1", "1 ", "", ",", "1,2"));
        return Combinators.combine(ts, key, value, Arbitraries.of("\n", "\r\n", "\r\r\n", "\n\n", "\r\n\r\n"))
                .as((t, k, v, eol) -> t + "," + k + "," + v + eol)
                .map(l -> l.substring(0, l.indexOf('\n') + 1)); // exactly one line
    }

    /** What may follow a line in the buffer: the next line, or stale bytes of an earlier chunk. */
    @Provide
    Arbitrary<String> after() {
        return Arbitraries.strings().withChars("0123456789,.-\r\nsvalue\u00ff").ofMinLength(8).ofMaxLength(24);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
