package org.iotgateway.driver.modbus.codec;

/**
 * The four Modbus read functions: function code, whether they read bits or 16-bit registers, and
 * the most items one request may ask for (Modbus Application Protocol v1.1b3, 6.1–6.4).
 */
public enum ReadFunction {
    READ_COILS(1, true, 2000),
    READ_DISCRETE_INPUTS(2, true, 2000),
    READ_HOLDING_REGISTERS(3, false, 125),
    READ_INPUT_REGISTERS(4, false, 125);

    private final int code;
    private final boolean bits;
    private final int maxQuantity;

    ReadFunction(int code, boolean bits, int maxQuantity) {
        this.code = code;
        this.bits = bits;
        this.maxQuantity = maxQuantity;
    }

    public int code() {
        return code;
    }

    /** True for coils and discrete inputs (one bit each), false for registers (two bytes each). */
    public boolean bits() {
        return bits;
    }

    public int maxQuantity() {
        return maxQuantity;
    }

    /** The data bytes of a reply to a request for {@code quantity} items. */
    public int byteCount(int quantity) {
        return bits ? (quantity + 7) / 8 : quantity * 2;
    }

    /** The function with this code, or null for any other byte. */
    public static ReadFunction of(int code) {
        for (ReadFunction f : values()) {
            if (f.code == code) {
                return f;
            }
        }
        return null;
    }
}
