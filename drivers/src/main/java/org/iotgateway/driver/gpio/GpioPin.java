package org.iotgateway.driver.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input pin of a GPIO driver and the driver's one timer thread. Opening is retried every
 * {@value #RETRY_SECONDS} s while it fails (pin busy, no GPIO chip): a missing pin is reported
 * {@code disconnected}, never a start-up failure. Edge events arrive on pi4j's thread and go to
 * {@link Listener}, which must not block.
 */
final class GpioPin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GpioPin.class);
    static final long RETRY_SECONDS = 5;

    /** Receives level changes on pi4j's event thread. */
    interface Listener {
        void onLevel(boolean high);
    }

    private final Context context;
    private final boolean sharedContext;
    private final Debounce bounces;
    private final java.util.function.LongSupplier nanos;
    private final String sensor;
    private final int pin;
    private final Pull pull;
    private final Duration debounce;
    private final String provider;
    private final ScheduledExecutorService timer;
    private volatile DigitalInput input;

    /**
     * @param sharedContext whether {@code context} came from {@link Pi4jContexts#acquire} (released on close)
     * @param nanos the monotonic clock debouncing uses; tests step it
     */
    GpioPin(Context context, boolean sharedContext, String sensor, int pin, Pull pull, Duration debounce,
            String provider, java.util.function.LongSupplier nanos) {
        this.context = context;
        this.sharedContext = sharedContext;
        this.bounces = new Debounce(debounce.toNanos());
        this.nanos = nanos;
        this.sensor = sensor;
        this.pin = pin;
        this.pull = pull;
        this.debounce = debounce;
        this.provider = provider;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "driver-gpio-" + sensor);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the pin now or later; {@code opened} runs on the timer thread once it is open. */
    void open(Listener listener, StateReporter state, Runnable opened) {
        timer.execute(() -> tryOpen(listener, state, opened));
    }

    private void tryOpen(Listener listener, StateReporter state, Runnable opened) {
        try {
            DigitalInput in = context.create(DigitalInput.newConfigBuilder(context)
                    .id(sensor + "-gpio" + pin).name(sensor).address(pin).pull(pull.pi4j)
                    .debounce(debounce.toNanos() / 1000, TimeUnit.MICROSECONDS)
                    .provider(provider + "-digital-input").build());
            in.addListener(e -> listener.onLevel(e.state() == DigitalState.HIGH));
            input = in;
            state.set(SensorState.OK, "GPIO " + pin + " open");
            opened.run();
        } catch (RuntimeException e) {
            if (state.set(SensorState.DISCONNECTED, "GPIO " + pin + ": " + e.getMessage())) {
                LOG.warn("sensor {}: cannot open GPIO {} with provider {} ({}); retrying every {} s", sensor, pin,
                        provider, e.toString(), RETRY_SECONDS);
            }
            timer.schedule(() -> tryOpen(listener, state, opened), RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Whether an edge now is outside the debounce window (else it is a bounce); pi4j's event thread. */
    boolean debounced() {
        return bounces.accept(nanos.getAsLong());
    }

    long nanos() {
        return nanos.getAsLong();
    }

    /** The current level; false while the pin is not open. */
    boolean high() {
        DigitalInput in = input;
        return in != null && in.state() == DigitalState.HIGH;
    }

    boolean isOpen() {
        return input != null;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DigitalInput in = input;
        if (in != null) {
            try {
                context.shutdown(in.id());
            } catch (RuntimeException e) {
                LOG.debug("closing GPIO {}: {}", pin, e.toString());
            }
        }
        if (sharedContext) {
            Pi4jContexts.release();
        }
    }
}
