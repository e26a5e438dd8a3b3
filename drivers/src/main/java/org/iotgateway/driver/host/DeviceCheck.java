package org.iotgateway.driver.host;

import java.util.List;
import org.iotgateway.driver.SensorSpec;

/**
 * A driver's knowledge of the devices a sensor needs, for {@code iot-gateway check}: whether each
 * exists and can be opened, and what to do if not. Called on the command's thread; reads a few
 * files under {@code host}, never opens a device (opening a serial port can reset the board on it).
 *
 * @param <S> the driver's sensor parameters
 * @param <C> its channel parameters
 */
@FunctionalInterface
public interface DeviceCheck<S, C> {
    /** One finding per device, in a stable order; empty when the driver needs none (simulated). */
    List<DeviceFinding> check(SensorSpec<S, C> sensor, Host host);

    static <S, C> DeviceCheck<S, C> none() {
        return (sensor, host) -> List.of();
    }
}
