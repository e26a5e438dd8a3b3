package org.iotgateway.driver.gpio;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.NoParams;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.util.Backoff;

/**
 * A digital level (door contact, PIR, float switch) as 0/1 on every channel of the sensor: on
 * each debounced change, and every {@code heartbeat} so a quiet contact still shows up in every
 * window. Bounces inside the debounce window are dropped and counted as {@code bounce} rejects.
 */
public final class GpioInputDriver implements PushDriver {
    public static final DriverType<GpioInputParams, NoParams> TYPE = new DriverType<>(
            "gpio-input", GpioInputParams.class, NoParams.class, GpioInputDriver::new,
            (s, host) -> GpioDevices.check(s.params().pin(), s.params().provider(), host));

    private final SensorSpec<GpioInputParams, NoParams> spec;
    private final GpioPin pin;
    private final LongSupplier millis;
    private final int[] channels;
    private ReadingSink sink;
    private volatile boolean lastHigh;
    private final java.util.concurrent.atomic.AtomicBoolean settling = new java.util.concurrent.atomic.AtomicBoolean();

    public GpioInputDriver(SensorSpec<GpioInputParams, NoParams> spec) {
        this(spec, Pi4jProviders.shared().lease(GpioPin.providerId(spec.params().provider())), Host.system(),
                GpioPin.retry(), System::nanoTime, System::currentTimeMillis);
    }

    /** With explicit provider, machine and clocks, for tests. */
    GpioInputDriver(SensorSpec<GpioInputParams, NoParams> spec, ProviderLease provider, Host host, Backoff retry,
            LongSupplier nanos, LongSupplier millis) {
        GpioInputParams p = spec.params();
        this.spec = spec;
        this.pin = new GpioPin(provider, host, retry, spec.sensorId(), p.pin(), p.pull(), p.debounce(), nanos);
        this.millis = millis;
        this.channels = spec.channels().stream().mapToInt(c -> c.id()).toArray();
    }

    @Override
    public void start(ReadingSink sink) {
        this.sink = sink;
        long every = spec.params().heartbeat().toMillis();
        pin.open(this::onLevel, new StateReporter(spec.sensorId(), sink), () -> {
            lastHigh = pin.high();
            report(lastHigh);
            pin.timer().scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        });
    }

    /** A level change from pi4j's event thread. */
    void onLevel(boolean high) {
        if (!pin.debounced()) {
            sink.reject(spec.sensorId(), "bounce", "edge within " + spec.params().debounce().toMillis() + " ms");
            // The bounce may have ended on the other level: look again once the window is over.
            if (settling.compareAndSet(false, true)) {
                pin.timer().schedule(this::settle, spec.params().debounce().toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (high != lastHigh) {
            lastHigh = high;
            report(high);
        }
    }

    /** After bounces: reports the level the contact settled on if it differs; the timer thread. */
    void settle() {
        boolean high = pin.high();
        if (high != lastHigh) {
            lastHigh = high;
            report(high);
        }
        settling.set(false);
    }

    /** Whether a settle check is pending; for tests. */
    boolean settling() {
        return settling.get();
    }

    /** Reports the pin's current level; the timer thread. */
    void heartbeat() {
        boolean high = pin.high();
        lastHigh = high;
        report(high);
    }

    private void report(boolean high) {
        double v = high != spec.params().invert() ? 1 : 0;
        long now = millis.getAsLong();
        for (int c : channels) {
            sink.offer(c, now, v);
        }
    }

    @Override
    public void close() {
        pin.close();
    }
}
