package org.iotgateway.driver;

import java.util.List;
import java.util.function.Function;
import org.iotgateway.driver.host.DeviceCheck;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;

/**
 * A catalog entry: the driver's config name, the records its parameters bind into, and its factory.
 *
 * <p>Parameter records are plain Java records; the gateway binds YAML keys in kebab-case onto their
 * components and validates them in the records' constructors (throw {@link InvalidValueException}).
 * Use {@link NoParams} when a driver takes none at one level.
 *
 * @param name the value of a sensor's {@code driver:} key
 * @param sensorParams the record a sensor's {@code params:} binds into
 * @param channelParams the record each channel's {@code params:} binds into
 * @param factory creates the driver; runs on the start-up (or reload) thread, may not do blocking I/O
 *        beyond opening handles (a missing device is reported by the running driver, not here)
 * @param devices what {@code iot-gateway check} looks at for a sensor of this driver
 */
public record DriverType<S extends Record, C extends Record>(
        String name,
        Class<S> sensorParams,
        Class<C> channelParams,
        Function<SensorSpec<S, C>, Driver> factory,
        DeviceCheck<S, C> devices) {

    /** A driver that needs no device (simulated). */
    public DriverType(String name, Class<S> sensorParams, Class<C> channelParams,
            Function<SensorSpec<S, C>, Driver> factory) {
        this(name, sensorParams, channelParams, factory, DeviceCheck.none());
    }

    /** The devices a sensor of this driver needs, checked on {@code host}; see {@link DeviceCheck}. */
    @SuppressWarnings("unchecked")
    public List<DeviceFinding> checkDevices(SensorSpec<?, ?> sensor, Host host) {
        return devices.check((SensorSpec<S, C>) sensor, host);
    }

    /** Creates the driver from parameters that the config loader bound into this type's records. */
    @SuppressWarnings("unchecked")
    public Driver create(SensorSpec<?, ?> spec) {
        return factory.apply((SensorSpec<S, C>) spec);
    }
}
