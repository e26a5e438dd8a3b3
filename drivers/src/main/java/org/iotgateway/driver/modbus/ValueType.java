package org.iotgateway.driver.modbus;

import org.iotgateway.driver.modbus.codec.Reply;

/**
 * How a channel's registers become a number; in YAML: bool, int16, uint16, int32, uint32, float32,
 * int64, uint64, float64. Multi-register values are assembled in the channel's {@link WordOrder}.
 */
public enum ValueType {
    /** 0 or 1: a coil, a discrete input, or one {@code bit} of a register. */
    BOOL(1),
    /** One register, signed. */
    INT16(1),
    /** One register, unsigned. */
    UINT16(1),
    /** Two registers, signed. */
    INT32(2),
    /** Two registers, unsigned. */
    UINT32(2),
    /** Two registers, IEEE 754 single precision; NaN or infinity is rejected as {@code not-a-number}. */
    FLOAT32(2),
    /** Four registers, signed; past 2^53 the published double rounds. */
    INT64(4),
    /** Four registers, unsigned; past 2^53 the published double rounds. */
    UINT64(4),
    /** Four registers, IEEE 754 double precision. */
    FLOAT64(4);

    final int registers;

    ValueType(int registers) {
        this.registers = registers;
    }

    /**
     * The value of the {@link #registers} registers starting at data byte {@code off} (BOOL: the
     * whole 16-bit register; the caller picks its bit). Floats may come out NaN or infinite.
     */
    double decode(Reply.Data data, int off, WordOrder order) {
        long raw = 0;
        for (int i = 0; i < registers; i++) {
            int w = order.wordSwap ? registers - 1 - i : i;
            int hi = data.at(off + 2 * w);
            int lo = data.at(off + 2 * w + 1);
            raw = raw << 16 | (order.byteSwap ? lo << 8 | hi : hi << 8 | lo);
        }
        return switch (this) {
            case INT16 -> (short) raw;
            case BOOL, UINT16, UINT32 -> raw;
            case INT32 -> (int) raw;
            case FLOAT32 -> Float.intBitsToFloat((int) raw);
            case INT64 -> raw;
            // Unsigned: halve, convert, double, so values past 2^63 stay positive (and round once).
            case UINT64 -> raw >= 0 ? raw : (double) (raw >>> 1) * 2.0 + (raw & 1);
            case FLOAT64 -> Double.longBitsToDouble(raw);
        };
    }
}
