package org.iotgateway.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.iotgateway.driver.modbus.codec.Reply;
import org.junit.jupiter.api.Test;

/** Every type and byte order against known register bytes (the same bytes the "orders" simulator serves). */
class ValueTypeTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private static double decode(ValueType type, String order, String registers) {
        return type.decode(new Reply.Data(HEX.parseHex(registers)), 0, WordOrder.parse(order));
    }

    @Test
    void float32InAllFourOrders() {
        // 123.456f = 0x42F6E979
        double expected = 123.456f;
        assertThat(decode(ValueType.FLOAT32, "ABCD", "42 f6 e9 79")).isEqualTo(expected);
        assertThat(decode(ValueType.FLOAT32, "CDAB", "e9 79 42 f6")).isEqualTo(expected);
        assertThat(decode(ValueType.FLOAT32, "BADC", "f6 42 79 e9")).isEqualTo(expected);
        assertThat(decode(ValueType.FLOAT32, "dcba", "79 e9 f6 42")).isEqualTo(expected);
    }

    @Test
    void integersSignedAndUnsigned() {
        assertThat(decode(ValueType.INT16, "ABCD", "ff cc")).isEqualTo(-52);
        assertThat(decode(ValueType.UINT16, "ABCD", "ff cc")).isEqualTo(65484);
        assertThat(decode(ValueType.INT16, "BADC", "cc ff")).isEqualTo(-52);
        assertThat(decode(ValueType.INT32, "ABCD", "ff fe 1d c0")).isEqualTo(-123456);
        assertThat(decode(ValueType.INT32, "CDAB", "1d c0 ff fe")).isEqualTo(-123456);
        assertThat(decode(ValueType.UINT32, "ABCD", "ee 6b 28 00")).isEqualTo(4_000_000_000.0);
        assertThat(decode(ValueType.INT64, "ABCD", "ff ff fe e0 8e 04 fb 35")).isEqualTo(-1234567890123.0);
        assertThat(decode(ValueType.INT64, "DCBA", "35 fb 04 8e e0 fe ff ff")).isEqualTo(-1234567890123.0);
        assertThat(decode(ValueType.INT64, "CDAB", "fb 35 8e 04 fe e0 ff ff")).isEqualTo(-1234567890123.0);
        assertThat(decode(ValueType.UINT64, "ABCD", "ff ff ff ff ff ff ff ff")).isEqualTo(0x1p64);
        assertThat(decode(ValueType.UINT64, "ABCD", "80 00 00 00 00 00 00 01")).isEqualTo(0x1p63);
    }

    @Test
    void float64AndNotANumber() {
        // -2.5e-3 = 0xBF647AE147AE147B
        assertThat(decode(ValueType.FLOAT64, "ABCD", "bf 64 7a e1 47 ae 14 7b")).isEqualTo(-2.5e-3);
        assertThat(decode(ValueType.FLOAT64, "CDAB", "14 7b 47 ae 7a e1 bf 64")).isEqualTo(-2.5e-3);
        assertThat(decode(ValueType.FLOAT32, "ABCD", "ff ff ff ff")).isNaN();
    }

    @Test
    void bitsOfRegistersAndCoils() {
        ModbusChannelParams bit15 = new ModbusChannelParams(44, Table.HOLDING, null, null, 15, null, null);
        ModbusChannelParams bit1 = new ModbusChannelParams(44, Table.HOLDING, ValueType.BOOL, null, 1, null, null);
        Reply.Data register = new Reply.Data(HEX.parseHex("80 01"));
        assertThat(new Field(0, 0, bit15).raw(register)).isEqualTo(1);
        assertThat(new Field(0, 0, bit1).raw(register)).isEqualTo(0);
        // Coils 0..9 = 1 0 1 1 0 0 0 0 0 1: first byte 0b00001101, second 0b00000010
        ModbusChannelParams coil = new ModbusChannelParams(0, Table.COIL, null, null, null, null, null);
        Reply.Data coils = new Reply.Data(HEX.parseHex("0d 02"));
        double[] bits = new double[10];
        for (int i = 0; i < 10; i++) {
            bits[i] = new Field(0, i, coil).raw(coils);
        }
        assertThat(bits).containsExactly(1, 0, 1, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void scaleAndOffset() {
        ModbusChannelParams tenths = new ModbusChannelParams(1, Table.INPUT, ValueType.INT16, null, null, 0.1, -1.0);
        assertThat(new Field(0, 0, tenths).scaled(-52)).isCloseTo(-6.2, org.assertj.core.data.Offset.offset(1e-9));
    }
}
