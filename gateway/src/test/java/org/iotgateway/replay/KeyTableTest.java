package org.iotgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/**
 * Keys of up to 16 bytes are compared as words, longer ones byte by byte: a lookup must find exactly
 * the stored keys whatever their length, with or without spare bytes after them in the buffer, and
 * whatever those bytes are. (Id-like text: a lone surrogate would become the same '?' in UTF-8 and
 * so a duplicate key.)
 */
class KeyTableTest {
    @Property(tries = 500)
    void findsExactlyTheStoredKeys(@ForAll @Size(min = 1, max = 20) List<@AlphaChars @NumericChars @Chars({',', '-', '.', '_', '\u00e9'}) @StringLength(max = 40) String> stored,
                                   @ForAll @AlphaChars @NumericChars @Chars({',', '-', '.', '_', '\u00e9'}) @StringLength(max = 40) String probe, @ForAll @StringLength(max = 9) String after) {
        Set<String> keys = new LinkedHashSet<>(stored);
        String[] k = keys.toArray(String[]::new);
        int[] values = new int[k.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        KeyTable table = new KeyTable(k, values);
        for (int i = 0; i < k.length; i++) {
            assertThat(lookUp(table, k[i], "")).isEqualTo(i);
            assertThat(lookUp(table, k[i], after)).isEqualTo(i);
        }
        int expected = List.of(k).indexOf(probe);
        assertThat(lookUp(table, probe, after)).isEqualTo(expected);
        assertThat(lookUp(table, probe, "")).isEqualTo(expected);
    }

    /** Looks {@code key} up in a buffer where it is preceded by one byte and followed by {@code after}. */
    private static int lookUp(KeyTable table, String key, String after) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] b = ("," + key + after).getBytes(StandardCharsets.UTF_8);
        return table.find(b, 1, 1 + k.length);
    }
}
