package org.iotgateway.driver.modbus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.SensorSpec;

/** Builds modbus sensor specs for tests: channel ids 0, 1, 2... in the order given. */
final class ModbusSpecs {
    private ModbusSpecs() {
    }

    static ModbusParams rtu(String port, int unit, Duration interval, Duration timeout) {
        return new ModbusParams(port, null, null, null, null, null, null, unit, interval, timeout, null, null, null,
                null, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static ModbusParams tcp(String host, int unit, Duration interval, Duration timeout) {
        return new ModbusParams(null, host, null, null, null, null, null, unit, interval, timeout, null, null, null,
                null, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static ModbusChannelParams channel(Table table, int register, ValueType type, String order, Double scale) {
        return new ModbusChannelParams(register, table, type, order, null, scale, null);
    }

    static SensorSpec<ModbusParams, ModbusChannelParams> spec(String id, ModbusParams p, ModbusChannelParams... cs) {
        List<ChannelSpec<ModbusChannelParams>> channels = new ArrayList<>();
        for (ModbusChannelParams c : cs) {
            channels.add(new ChannelSpec<>(channels.size(), "c" + channels.size(), c));
        }
        return new SensorSpec<>(id, p, channels);
    }

    /** The SDM630's five values, float32 ABCD input registers: V, A, W, Hz, kWh. */
    static SensorSpec<ModbusParams, ModbusChannelParams> sdm630(String id, ModbusParams p) {
        return spec(id, p, channel(Table.INPUT, 0x00, ValueType.FLOAT32, null, null),
                channel(Table.INPUT, 0x06, ValueType.FLOAT32, null, null),
                channel(Table.INPUT, 0x0C, ValueType.FLOAT32, null, null),
                channel(Table.INPUT, 0x46, ValueType.FLOAT32, null, null),
                channel(Table.INPUT, 0x156, ValueType.FLOAT32, null, null));
    }

    /** The XY-MD02's temperature and humidity: int16 tenths in input registers 1 and 2. */
    static SensorSpec<ModbusParams, ModbusChannelParams> xymd02(String id, ModbusParams p) {
        return spec(id, p, channel(Table.INPUT, 1, ValueType.INT16, null, 0.1),
                channel(Table.INPUT, 2, ValueType.INT16, null, 0.1));
    }
}
