package org.iotgateway.driver.i2c;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PolledDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bosch BME280 over I²C: temperature (°C), relative humidity (%RH) and pressure (hPa) from the
 * datasheet's integer compensation. The bus is opened on the first poll, and on every poll until
 * it opens (through {@link ProviderLease#context()}, which also retries a pi4j provider that failed
 * to initialise); the chip is probed again after any I/O error. A bus that does not open, a chip
 * that does not answer and a wrong chip id (a BMP280 answers 0x58) are reported
 * {@code disconnected} with what to do, and retried, never a crash.
 */
public final class Bme280Driver implements PolledDriver {
    public static final DriverType<Bme280Params, Bme280ChannelParams> TYPE = new DriverType<>(
            "bme280", Bme280Params.class, Bme280ChannelParams.class, Bme280Driver::new,
            (s, host) -> I2cDevices.check(s.params().bus(), s.params().provider(), host));
    /**
     * A holder, not a field: the first logger starts logback (some 500 classes, a tenth of a second),
     * and replay and validate load this class while reading the config without logging from it.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Bme280Driver.class);
    }
    static final int CHIP_ID = 0x60;
    private static final int REG_ID = 0xD0;
    private static final int REG_CTRL_HUM = 0xF2;
    private static final int REG_STATUS = 0xF3;
    private static final int REG_CTRL_MEAS = 0xF4;
    private static final int REG_CONFIG = 0xF5;
    private static final int REG_DATA = 0xF7;
    private static final int SKIPPED_20 = 0x80000;
    private static final int SKIPPED_16 = 0x8000;

    private final SensorSpec<Bme280Params, Bme280ChannelParams> spec;
    private final ProviderLease provider;
    private final Host host;
    private Context context;
    private final Bme280Quantity[] quantities;
    private StateReporter state;
    private I2C device;
    private Bme280Compensation compensation;

    public Bme280Driver(SensorSpec<Bme280Params, Bme280ChannelParams> spec) {
        this(spec, Pi4jProviders.shared().lease(spec.params().provider() + "-i2c"), Host.system());
    }

    /** With an explicit provider and machine, for tests. */
    Bme280Driver(SensorSpec<Bme280Params, Bme280ChannelParams> spec, ProviderLease provider, Host host) {
        this.spec = spec;
        this.provider = provider;
        this.host = host;
        this.quantities = spec.channels().stream().map(Bme280Driver::quantity).toArray(Bme280Quantity[]::new);
    }

    private static Bme280Quantity quantity(ChannelSpec<Bme280ChannelParams> c) {
        if (c.params() != null && c.params().quantity() != null) {
            return c.params().quantity();
        }
        try {
            return Bme280Quantity.valueOf(c.name().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bme280 channel '" + c.name()
                    + "' needs params.quantity: temperature, humidity or pressure");
        }
    }

    @Override
    public Duration interval() {
        return spec.params().interval();
    }

    @Override
    public void poll(long nowMillis, ReadingSink sink) {
        if (state == null) {
            state = new StateReporter(spec.sensorId(), sink);
        }
        if (device == null && !open(sink)) {
            return;
        }
        try {
            if (compensation == null && !probe(sink)) {
                return;
            }
            byte[] data = measure();
            offer(data, nowMillis, sink);
        } catch (RuntimeException e) { // pi4j reports bus errors as runtime exceptions
            sink.reject(spec.sensorId(), "i2c-error", e.toString());
            Bme280Params p = spec.params();
            report(I2cTrouble.transferProblem(p.bus(), p.address(), e));
            compensation = null; // probe chip id and calibration again: it may be another device now
        }
    }

    /** Opens the bus; one that does not open is counted as an {@code i2c-error} reject and explained in the state. */
    private boolean open(ReadingSink sink) {
        try {
            device();
            return true;
        } catch (ProviderUnavailable | RuntimeException e) {
            DeviceFinding why = I2cTrouble.explain(I2cBus.observe(host, spec.params().bus()), e);
            sink.reject(spec.sensorId(), "i2c-error", why.line());
            report(why.line());
            return false;
        }
    }

    /**
     * The bus handle, opened on first use and kept: a failing device does not invalidate /dev/i2c-N.
     * Tests preload the mock's registers through it.
     */
    I2C device() throws ProviderUnavailable {
        if (device == null) {
            Bme280Params p = spec.params();
            Context c = provider.context();
            device = c.create(I2C.newConfigBuilder(c).id(spec.sensorId() + "-bme280").bus(p.bus())
                    .device(p.addressValue()).provider(provider.providerId()).build());
            context = c;
        }
        return device;
    }

    /** Disconnected: the gateway logs the change of state with the detail, this a later change of detail. */
    private void report(String detail) {
        boolean wasDown = state.current() == SensorState.DISCONNECTED;
        if (state.report(SensorState.DISCONNECTED, detail) && wasDown) {
            Log.LOG.warn("sensor {}: still disconnected, now: {}", spec.sensorId(), detail);
        }
    }

    private boolean probe(ReadingSink sink) {
        Bme280Params p = spec.params();
        int id = device.readRegister(REG_ID);
        if (id != CHIP_ID) {
            String why = String.format("chip id 0x%02x at bus %d address %s is not a BME280 (0x60)%s", id, p.bus(),
                    p.address(), id == 0x58 ? "; 0x58 is a BMP280, which has no humidity sensor" : "");
            if (state.report(SensorState.DISCONNECTED, why)) {
                Log.LOG.error("sensor {}: {}", spec.sensorId(), why);
            }
            sink.reject(spec.sensorId(), "chip-id", why);
            return false;
        }
        byte[] a = read(0x88, 26);
        byte[] b = read(0xE1, 7);
        compensation = new Bme280Compensation(Bme280Calibration.parse(a, b));
        int osrs = p.osrs();
        device.writeRegister(REG_CTRL_HUM, (byte) osrs); // takes effect with the next ctrl_meas write
        device.writeRegister(REG_CONFIG, (byte) (p.mode() == Bme280Mode.NORMAL ? 0b101 << 5 : 0)); // t_sb 1000 ms
        if (p.mode() == Bme280Mode.NORMAL) {
            device.writeRegister(REG_CTRL_MEAS, (byte) (osrs << 5 | osrs << 2 | Bme280Mode.NORMAL.bits));
        }
        state.report(SensorState.OK, "BME280 at bus " + p.bus() + " address " + p.address());
        return true;
    }

    private byte[] measure() {
        Bme280Params p = spec.params();
        if (p.mode() == Bme280Mode.FORCED) {
            int osrs = p.osrs();
            device.writeRegister(REG_CTRL_MEAS, (byte) (osrs << 5 | osrs << 2 | Bme280Mode.FORCED.bits));
            // Datasheet 9.1: at most ~1.25 + 2.3 * 3 * oversampling ms; wait while 'measuring' is set.
            long deadline = System.nanoTime() + 200_000_000L;
            while (measuring() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000);
            }
        }
        return read(REG_DATA, 8);
    }

    private boolean measuring() {
        int status = device.readRegister(REG_STATUS);
        if (status < 0) {
            throw new IllegalStateException("status register read failed (" + status + ")");
        }
        return (status & 0x08) != 0;
    }

    private void offer(byte[] d, long now, ReadingSink sink) {
        int adcP = (d[0] & 0xff) << 12 | (d[1] & 0xff) << 4 | (d[2] & 0xff) >> 4;
        int adcT = (d[3] & 0xff) << 12 | (d[4] & 0xff) << 4 | (d[5] & 0xff) >> 4;
        int adcH = (d[6] & 0xff) << 8 | (d[7] & 0xff);
        if (adcT == SKIPPED_20) {
            sink.reject(spec.sensorId(), "skipped", "temperature measurement skipped (not configured yet?)");
            return;
        }
        int tFine = compensation.tFine(adcT);
        for (int i = 0; i < quantities.length; i++) {
            double v;
            switch (quantities[i]) {
                case TEMPERATURE -> v = Bme280Compensation.temperature(tFine) / 100.0;
                case PRESSURE -> v = adcP == SKIPPED_20 ? Double.NaN : compensation.pressure(adcP, tFine) / 256.0 / 100.0;
                default -> v = adcH == SKIPPED_16 ? Double.NaN : compensation.humidity(adcH, tFine) / 1024.0;
            }
            if (Double.isNaN(v)) {
                sink.reject(spec.sensorId(), "skipped", quantities[i].name().toLowerCase(Locale.ROOT) + " skipped");
            } else {
                sink.offer(spec.channels().get(i).id(), now, v);
            }
        }
    }

    private byte[] read(int register, int length) {
        byte[] buf = new byte[length];
        int n = device.readRegister(register, buf, 0, length);
        if (n != length) {
            throw new IllegalStateException(String.format("read %d of %d bytes from register 0x%02x", n, length,
                    register));
        }
        return buf;
    }

    @Override
    public void close() {
        if (device != null) {
            try {
                context.shutdown(device.id());
            } catch (RuntimeException e) {
                Log.LOG.debug("closing {}: {}", spec.sensorId(), e.toString());
            }
            device = null;
        }
        provider.close();
    }
}
