package org.iotgateway.driver.modbus;

import java.util.List;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.serial.SerialDevices;

/**
 * A Modbus slave device, read over RTU (a serial port, through jssc) or TCP (a plain socket) by
 * our own master for function codes 1–4. Sensors on one port or TCP host share one {@link Bus}:
 * one connection, one thread, one request at a time; each slave is polled at its interval with
 * its channels joined into as few requests as possible, and every reading of a poll carries the
 * same acquisition time. Timeouts, CRC errors, exception responses and the rest are counted by
 * reason; a lost port or host is reported {@code disconnected} and reopened with back-off.
 */
public final class ModbusDriver implements PushDriver {
    public static final DriverType<ModbusParams, ModbusChannelParams> TYPE = new DriverType<>(
            "modbus", ModbusParams.class, ModbusChannelParams.class, ModbusDriver::new, ModbusDriver::devices);

    private final SensorSpec<ModbusParams, ModbusChannelParams> spec;
    private Slave slave;
    private Bus bus;

    public ModbusDriver(SensorSpec<ModbusParams, ModbusChannelParams> spec) {
        this.spec = spec;
    }

    /**
     * For {@code iot-gateway check}: an RTU bus's port as the serial driver checks one (present,
     * open to the service, not opened); a TCP host is not connected to, as check opens nothing.
     */
    static List<DeviceFinding> devices(SensorSpec<ModbusParams, ModbusChannelParams> sensor, Host host) {
        ModbusParams p = sensor.params();
        if (p.tcp()) {
            return List.of(DeviceFinding.skip(p.host(), "Modbus TCP: check does not connect; the gateway's status "
                    + "shows whether it answers"));
        }
        return SerialDevices.check(p.port(), host);
    }

    @Override
    public void start(ReadingSink sink) {
        slave = new Slave(spec, sink, System.nanoTime());
        bus = Buses.attach(slave);
    }

    /** The bus thread, for tests. */
    Thread thread() {
        return bus.thread();
    }

    @Override
    public void close() {
        if (bus != null) {
            Buses.detach(bus, slave);
            bus = null;
        }
    }
}
