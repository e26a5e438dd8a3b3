package org.iotgateway.driver.modbus;

import java.util.Locale;

/**
 * The byte order of a value spread over registers, named by where the bytes of the big-endian
 * value {@code A B C D} sit in the registers as read: ABCD (big-endian, the Modbus default),
 * CDAB (words swapped: "little-endian word order", common in meters), BADC (bytes swapped in each
 * register), DCBA (both: little-endian). For 64-bit values the same two swaps apply to four
 * registers; for one register BADC and DCBA swap its two bytes.
 */
public enum WordOrder {
    ABCD(false, false), CDAB(true, false), BADC(false, true), DCBA(true, true);

    /** The registers are in reverse order (least significant first). */
    final boolean wordSwap;
    /** Each register holds its two bytes low byte first. */
    final boolean byteSwap;

    WordOrder(boolean wordSwap, boolean byteSwap) {
        this.wordSwap = wordSwap;
        this.byteSwap = byteSwap;
    }

    /** The order named {@code name} (any case), or null. */
    static WordOrder parse(String name) {
        for (WordOrder o : values()) {
            if (o.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return o;
            }
        }
        return null;
    }
}
