package org.iotgateway.driver.gpio;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.util.Backoff;

/**
 * Pulses on a pin (rain gauge, flow meter, anemometer, S0 energy-meter output) counted on the
 * configured edge, debounced, and reported every {@code interval} as a scaled total
 * ({@code count}) and a scaled rate per second over the interval ({@code rate}). Edges inside the
 * debounce window are counted as {@code bounce} rejects.
 */
public final class GpioCounterDriver implements PushDriver {
    public static final DriverType<GpioCounterParams, CounterChannelParams> TYPE = new DriverType<>(
            "gpio-counter", GpioCounterParams.class, CounterChannelParams.class, GpioCounterDriver::new,
            (s, host) -> GpioDevices.check(s.params().pin(), s.params().provider(), host));

    private final SensorSpec<GpioCounterParams, CounterChannelParams> spec;
    private final GpioPin pin;
    private final LongSupplier millis;
    private ReadingSink sink;
    private volatile long pulses;
    private long reportedPulses;
    private long reportedAt;

    public GpioCounterDriver(SensorSpec<GpioCounterParams, CounterChannelParams> spec) {
        this(spec, Pi4jProviders.shared().lease(GpioPin.providerId(spec.params().provider())), Host.system(),
                GpioPin.retry(), System::nanoTime, System::currentTimeMillis);
    }

    /** With explicit provider, machine and clocks, for tests. */
    GpioCounterDriver(SensorSpec<GpioCounterParams, CounterChannelParams> spec, ProviderLease provider, Host host,
            Backoff retry, LongSupplier nanos, LongSupplier millis) {
        GpioCounterParams p = spec.params();
        this.spec = spec;
        this.pin = new GpioPin(provider, host, retry, spec.sensorId(), p.pin(), p.pull(), p.debounce(), nanos);
        this.millis = millis;
    }

    @Override
    public void start(ReadingSink sink) {
        this.sink = sink;
        long every = spec.params().interval().toMillis();
        pin.open(this::onLevel, new StateReporter(spec.sensorId(), sink), () -> {
            reportedAt = pin.nanos();
            pin.timer().scheduleAtFixedRate(this::report, every, every, TimeUnit.MILLISECONDS);
        });
    }

    /** A level change from pi4j's event thread; only the configured edge counts. */
    void onLevel(boolean high) {
        if (!spec.params().edge().matches(high)) {
            return;
        }
        if (!pin.debounced()) {
            sink.reject(spec.sensorId(), "bounce", "pulse within " + spec.params().debounce().toMillis() + " ms");
            return;
        }
        pulses++; // only pi4j's single event thread writes it
    }

    /** Offers count and rate; the timer thread (tests call it with a stepped clock). */
    void report() {
        long now = pin.nanos();
        long total = pulses;
        double seconds = (now - reportedAt) / 1e9;
        double scale = spec.params().scale();
        double rate = seconds > 0 ? (total - reportedPulses) * scale / seconds : 0;
        reportedPulses = total;
        reportedAt = now;
        long stamp = millis.getAsLong();
        for (ChannelSpec<CounterChannelParams> c : spec.channels()) {
            CounterValue v = c.params() == null ? CounterValue.COUNT : c.params().value();
            sink.offer(c.id(), stamp, v == CounterValue.RATE ? rate : total * scale);
        }
    }

    /** Pulses counted so far (unscaled); any thread. */
    long pulses() {
        return pulses;
    }

    @Override
    public void close() {
        pin.close();
    }
}
