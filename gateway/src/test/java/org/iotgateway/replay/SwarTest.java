package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SwarTest {

    @Property
    void leadingDigitsCountsTheDigitsBeforeTheFirstOtherByte(@ForAll("digitHeavy") @Size(8) byte[] b) {
        int expected = 0;
        while (expected < 8 && b[expected] >= '0' && b[expected] <= '9') {
            expected++;
        }
        assertThat(Swar.leadingDigits(Swar.word(b, 0))).isEqualTo(expected);
    }

    @Property
    void digitsValueIsTheDecimalValueOfTheLeadingDigits(@ForAll @IntRange(min = 1, max = 8) int n,
                                                        @ForAll("digitHeavy") @Size(8) byte[] b) {
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('0' + Math.floorMod(b[i], 10));
        }
        long expected = Long.parseLong(new String(b, 0, n, StandardCharsets.US_ASCII));
        assertThat(Swar.digitsValue(Swar.word(b, 0), n)).isEqualTo(expected);
    }

    @Property
    void bytesEqualFlagsExactlyTheMatchingBytes(@ForAll("digitHeavy") @Size(8) byte[] b, @ForAll("separators") byte c) {
        long mask = Swar.bytesEqual(Swar.word(b, 0), c);
        for (int i = 0; i < 8; i++) {
            assertThat((mask >>> (8 * i + 7)) & 1).as("byte %d", i).isEqualTo(b[i] == c ? 1L : 0L);
        }
        assertThat(mask & ~0x8080808080808080L).isZero();
        int first = 0;
        while (first < 8 && b[first] != c) {
            first++;
        }
        assertThat(Swar.firstFlagged(mask)).isEqualTo(first);
    }

    @Example
    void edgeBytesAroundTheDigitRange() {
        byte[] b = {'0', '9', '/', ':', (byte) 0xB9, (byte) 0x80, (byte) 0xFF, 0};
        assertThat(Swar.leadingDigits(Swar.word(b, 0))).isEqualTo(2);
        assertThat(Swar.digitsValue(Swar.word(b, 0), 2)).isEqualTo(9);
        byte[] all = "99999999".getBytes(StandardCharsets.US_ASCII);
        assertThat(Swar.leadingDigits(Swar.word(all, 0))).isEqualTo(8);
        assertThat(Swar.digitsValue(Swar.word(all, 0), 8)).isEqualTo(99_999_999L);
        // a comma right after a comma, and '-' (comma + 1) after one: no false positives
        byte[] commas = ",,-,a-,,".getBytes(StandardCharsets.US_ASCII);
        assertThat(Long.bitCount(Swar.bytesEqual(Swar.word(commas, 0), (byte) ','))).isEqualTo(5);
    }

    /** Bytes that are mostly digits, sometimes the separators, sometimes anything (high bytes too). */
    @Provide
    Arbitrary<byte[]> digitHeavy() {
        Arbitrary<Byte> digit = Arbitraries.bytes().between((byte) '0', (byte) '9');
        Arbitrary<Byte> near = Arbitraries.of((byte) '/', (byte) ':', (byte) ',', (byte) '.', (byte) '\n', (byte) '-',
                (byte) 0xB0, (byte) 0xB9, (byte) 0xBA, (byte) 0x8A, (byte) 0xFF, (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, digit), net.jqwik.api.Tuple.of(2, near), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class);
    }

    @Provide
    Arbitrary<Byte> separators() {
        return Arbitraries.of((byte) ',', (byte) '\n', (byte) '.', (byte) 0, (byte) 0xFF);
    }
}
