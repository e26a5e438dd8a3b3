package org.iotgateway.driver.modbus;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

/**
 * Channel-level parameters of the {@code modbus} driver: where the value sits and how to read it.
 * The published value is {@code raw * scale + offset}.
 *
 * @param register the 0-based protocol address, as on the wire; from the 1-based notation subtract
 *        30001 for input registers, 40001 for holding registers, 10001 for discrete inputs, 1 for
 *        coils (range 0–65535)
 * @param table the data table the value is in (default holding)
 * @param type how the registers become a number; bool on a register needs {@code bit} (default: uint16
 *        on registers, bool on coils and discrete inputs)
 * @param order byte order of a multi-register value: {@code ABCD} big-endian, {@code CDAB} words
 *        swapped, {@code BADC} bytes swapped in each register, {@code DCBA} little-endian (default ABCD;
 *        range ABCD, CDAB, BADC or DCBA)
 * @param bit with type bool on a register: which bit, 0 the least significant (range 0–15)
 * @param scale multiplies the raw value: 0.1 for a value sent in tenths (default 1; range not 0)
 * @param offset added after scaling (default 0)
 */
public record ModbusChannelParams(Integer register, Table table, ValueType type, String order, Integer bit,
        Double scale, Double offset) {

    public ModbusChannelParams {
        required(register, "register");
        check(register >= 0 && register <= 65535, "register", "'register' must be a 0-based address, 0–65535, got "
                + register + "; from the 30001/40001 notation subtract 30001 (input) or 40001 (holding)");
        table = table == null ? Table.HOLDING : table;
        if (table.bits()) {
            type = type == null ? ValueType.BOOL : type;
            check(type == ValueType.BOOL, "type", "a " + name(table) + " is one bit: 'type' must be bool");
            check(order == null, "order", "'order' is for registers; a " + name(table) + " is one bit");
            check(bit == null, "bit", "'bit' picks a bit of a register; a " + name(table) + " is one bit already");
        } else {
            type = type == null ? (bit == null ? ValueType.UINT16 : ValueType.BOOL) : type;
            check(type != ValueType.BOOL || bit != null, "bit",
                    "type bool on a register needs 'bit': 0 (least significant) to 15");
            check(bit == null || type == ValueType.BOOL, "bit", "'bit' is for type bool");
            check(bit == null || bit >= 0 && bit <= 15, "bit", "'bit' must be 0–15, got " + bit);
            check(register + type.registers <= 65536, "register", "a " + name(type) + " at register " + register
                    + " runs past the last register, 65535");
        }
        order = order == null ? WordOrder.ABCD.name() : order;
        WordOrder parsed = WordOrder.parse(order);
        check(parsed != null, "order", "'order' must be ABCD, CDAB, BADC or DCBA, got '" + order + "'");
        order = parsed.name();
        scale = scale == null ? 1.0 : scale;
        check(Double.isFinite(scale) && scale != 0, "scale", "'scale' must be a number other than 0");
        offset = offset == null ? 0.0 : offset;
    }

    WordOrder wordOrder() {
        return WordOrder.valueOf(order);
    }

    /** How many registers (or bits) the value takes. */
    int width() {
        return table.bits() ? 1 : type.registers;
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
