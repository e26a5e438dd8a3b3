package org.iotgateway.driver;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.iotgateway.driver.gpio.GpioCounterDriver;
import org.iotgateway.driver.gpio.GpioInputDriver;
import org.iotgateway.driver.i2c.Bme280Driver;
import org.iotgateway.driver.modbus.ModbusDriver;
import org.iotgateway.driver.onewire.Ds18b20Driver;
import org.iotgateway.driver.serial.SerialDriver;
import org.iotgateway.driver.simulated.SimulatedDriver;

/** Every driver the gateway knows, by the name used in a sensor's {@code driver:} key. */
public final class DriverCatalog {
    private static final SortedMap<String, DriverType<?, ?>> TYPES = index(
            Bme280Driver.TYPE,
            Ds18b20Driver.TYPE,
            GpioCounterDriver.TYPE,
            GpioInputDriver.TYPE,
            ModbusDriver.TYPE,
            SerialDriver.TYPE,
            SimulatedDriver.TYPE);

    private DriverCatalog() {
    }

    public static Optional<DriverType<?, ?>> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Driver names in alphabetical order, for error messages and docs. */
    public static Iterable<String> names() {
        return TYPES.keySet();
    }

    private static SortedMap<String, DriverType<?, ?>> index(DriverType<?, ?>... types) {
        SortedMap<String, DriverType<?, ?>> map = new TreeMap<>();
        for (DriverType<?, ?> t : types) {
            if (map.put(t.name(), t) != null) {
                throw new IllegalStateException("two drivers named " + t.name());
            }
        }
        return Collections.unmodifiableSortedMap(map);
    }
}
