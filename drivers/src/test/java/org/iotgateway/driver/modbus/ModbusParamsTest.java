package org.iotgateway.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.iotgateway.driver.InvalidValueException;
import org.iotgateway.driver.serial.Parity;
import org.junit.jupiter.api.Test;

/** Config validation of the modbus records: what is refused, with which key, and the defaults. */
class ModbusParamsTest {

    static ModbusParams rtu(String port, Integer unit) {
        return new ModbusParams(port, null, null, null, null, null, null, unit, null, null, null, null, null, null,
                null, null);
    }

    static ModbusParams tcp(String host) {
        return new ModbusParams(null, host, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    private static void refused(Runnable r, String key, String text) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void rtuDefaultsAndTcpDefaults() {
        ModbusParams r = rtu("/dev/ttyUSB0", 2);
        assertThat(r.baud()).isEqualTo(9600);
        assertThat(r.parity()).isEqualTo(Parity.NONE);
        assertThat(r.pause()).isEqualTo(Duration.ofMillis(5));
        assertThat(r.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(r.link()).isEqualTo("serial port /dev/ttyUSB0");
        ModbusParams t = tcp("Meter.local");
        assertThat(t.unit()).isEqualTo(1);
        assertThat(t.pause()).isEqualTo(Duration.ZERO);
        assertThat(t.link()).isEqualTo("Modbus TCP host meter.local:502");
        assertThat(tcp("[::1]:1502").hostName()).isEqualTo("::1");
        assertThat(tcp("[::1]:1502").tcpPort()).isEqualTo(1502);
    }

    @Test
    void mistakesAreNamedByKey() {
        refused(() -> rtu(null, 1), "port", "'port' or 'host' is required");
        refused(() -> rtu("/dev/ttyUSB0", null), "unit", "'unit' is required");
        refused(() -> rtu("/dev/ttyUSB0", 248), "unit", "1–247");
        refused(() -> tcp("127.0.0.1:70000"), "host", "1–65535");
        refused(() -> tcp("http://x"), "host", "HOST:PORT");
        refused(() -> new ModbusParams(null, "h", 9600, null, null, null, null, null, null, null, null, null, null,
                null, null, null), "baud", "TCP");
        refused(() -> new ModbusParams("/dev/x", "h", null, null, null, null, null, 1, null, null, null, null, null,
                null, null, null), "host", "not both");
        refused(() -> new ModbusParams("/dev/x", null, null, null, null, null, null, 1, Duration.ofMillis(400), null,
                null, null, null, null, null, null), "timeout", "shorter than 'interval'");
    }

    @Test
    void channelMistakes() {
        refused(() -> new ModbusChannelParams(null, null, null, null, null, null, null), "register", "is required");
        refused(() -> new ModbusChannelParams(65535, null, ValueType.FLOAT32, null, null, null, null), "register",
                "past the last register");
        refused(() -> new ModbusChannelParams(0, Table.COIL, ValueType.INT16, null, null, null, null), "type", "bool");
        refused(() -> new ModbusChannelParams(0, null, ValueType.BOOL, null, null, null, null), "bit", "needs 'bit'");
        refused(() -> new ModbusChannelParams(0, null, null, "ADCB", null, null, null), "order", "ABCD, CDAB");
        refused(() -> new ModbusChannelParams(0, null, null, null, null, 0.0, null), "scale", "other than 0");
        assertThat(new ModbusChannelParams(0, null, null, "cdab", null, null, null).order()).isEqualTo("CDAB");
        assertThat(new ModbusChannelParams(0, null, null, null, 3, null, null).type()).isEqualTo(ValueType.BOOL);
    }
}
