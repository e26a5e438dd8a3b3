package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "-0.0", "+0.0", "1e10", "1.5E-3", ".5", "5.", "+7", "-.5e+2", "21.53",
            "0.1", "0.3", "123456789012345", "1234567890123456", "9007199254740993", "0.000000000000000000001",
            "12345678901234567890123", "3.141592653589793238462643383279", "1e22", "1e23", "1e-22", "1e-23",
            "4.9e-324", "2e-324", "1.7976931348623157e308", "1e309", "-1e400", "0e999999999", "00000000000000000000001.5",
            "1.00000000000000000000", "9999999999999999999", "8.98846567431158e307", "2.2250738585072014E-308"})
    void matchesParseDoubleOnEdgeCases(String text) {
        assertThat(parse(text)).isEqualTo(Double.parseDouble(text));
        assertThat(Double.doubleToRawLongBits(parse(text))).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "--1", "1-", " 1", "1 ", "NaN", "Infinity",
            "-Infinity", "0x1p3", "1.5d", "1f", "1,5", "١"})
    void rejectsWhatIsNotADecimal(String text) {
        assertThat(parse(text)).isNaN();
    }

    /** A million seeded random decimals, shaped like sensor data and beyond it; bit-exact or it fails. */
    @Test
    void matchesParseDoubleOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            b.setLength(0);
            if (random.nextInt(4) == 0) {
                b.append(random.nextBoolean() ? '-' : '+');
            }
            int intDigits = random.nextInt(random.nextInt(4) == 0 ? 20 : 6);
            for (int d = 0; d < intDigits; d++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            int fracDigits = intDigits == 0 ? 1 + random.nextInt(19) : random.nextInt(19) - 1;
            if (fracDigits >= 0) {
                b.append('.');
                for (int d = 0; d < fracDigits; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0) {
                b.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "")
                        .append(random.nextInt(random.nextBoolean() ? 30 : 330));
            }
            String text = b.toString();
            double expected = Double.parseDouble(text);
            double actual = parse(text);
            if (Double.doubleToRawLongBits(actual) != Double.doubleToRawLongBits(expected)) {
                assertThat(actual).as(text).isEqualTo(expected);
            }
        }
    }

    @Test
    void parsesInsideALargerBuffer() {
        byte[] b = "x,-12.75,y".getBytes(StandardCharsets.US_ASCII);
        assertThat(DecimalParser.parse(b, 2, 8)).isEqualTo(-12.75);
    }

    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return DecimalParser.parse(b, 0, b.length);
    }
}
