package org.iotgateway.driver.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One input pin of a GPIO driver and the driver's one timer thread. Opening is retried while it
 * fails, after {@link #RETRY_MIN} doubling to {@link #RETRY_MAX}, each time through
 * {@link ProviderLease#context()}, which builds the pi4j provider again if it failed to initialise:
 * a chip that becomes usable later (udev done, a chip that appears late) is picked up without a
 * restart. Until then the sensor is {@code disconnected} with a detail that says what is wrong
 * ({@link GpioTrouble}); the gateway logs the change of state, this a change of detail. Edge events arrive on pi4j's thread and go to
 * {@link Listener}, which must not block.
 */
final class GpioPin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GpioPin.class);
    static final Duration RETRY_MIN = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofSeconds(10);

    /** Receives level changes on pi4j's event thread. */
    interface Listener {
        void onLevel(boolean high);
    }

    private final ProviderLease provider;
    private final Host host;
    private final Debounce bounces;
    private final LongSupplier nanos;
    private final String sensor;
    private final int pin;
    private final Pull pull;
    private final Duration debounce;
    private final ScheduledExecutorService timer;
    private final Backoff retry;
    private volatile Context context;
    private volatile DigitalInput input;

    /**
     * @param provider the pi4j digital-input provider; closed with the pin
     * @param host where to look when the pin does not open
     * @param retry delays between attempts to open it ({@link #retry()} but in tests)
     * @param nanos the monotonic clock debouncing uses; tests step it
     */
    GpioPin(ProviderLease provider, Host host, Backoff retry, String sensor, int pin, Pull pull, Duration debounce,
            LongSupplier nanos) {
        this.provider = provider;
        this.host = host;
        this.retry = retry;
        this.bounces = new Debounce(debounce.toNanos());
        this.nanos = nanos;
        this.sensor = sensor;
        this.pin = pin;
        this.pull = pull;
        this.debounce = debounce;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "driver-gpio-" + sensor);
            t.setDaemon(true);
            return t;
        });
    }

    /** The drivers' retry delays: {@link #RETRY_MIN}, doubling to {@link #RETRY_MAX}. */
    static Backoff retry() {
        return Backoff.exact(RETRY_MIN, RETRY_MAX);
    }

    /** The pi4j id of the digital-input provider the config names ({@code gpiod} → {@code gpiod-digital-input}). */
    static String providerId(String provider) {
        return provider + "-digital-input";
    }

    /** Opens the pin now or later; {@code opened} runs on the timer thread once it is open. */
    void open(Listener listener, StateReporter state, Runnable opened) {
        timer.execute(() -> tryOpen(listener, state, opened));
    }

    private void tryOpen(Listener listener, StateReporter state, Runnable opened) {
        try {
            Context c = provider.context();
            DigitalInput in = c.create(DigitalInput.newConfigBuilder(c)
                    .id(sensor + "-gpio" + pin).name(sensor).address(pin).pull(pull.pi4j)
                    .debounce(debounce.toNanos() / 1000, TimeUnit.MICROSECONDS)
                    .provider(provider.providerId()).build());
            in.addListener(e -> listener.onLevel(e.state() == DigitalState.HIGH));
            context = c;
            input = in;
            retry.reset();
            state.report(SensorState.OK, "GPIO " + pin + " open");
            opened.run();
        } catch (ProviderUnavailable | RuntimeException e) {
            DeviceFinding why = GpioTrouble.explain(pin, provider.providerId(), GpioSystem.observe(host), e);
            boolean wasDown = state.current() == SensorState.DISCONNECTED;
            if (state.report(SensorState.DISCONNECTED, why.line())) {
                if (wasDown) { // the gateway's health log has the change of state, with the detail
                    LOG.warn("sensor {}: still disconnected, now: {}", sensor, why.line());
                }
                LOG.debug("sensor {}: GPIO {} with provider {}", sensor, pin, provider.providerId(), e);
            }
            timer.schedule(() -> tryOpen(listener, state, opened), retry.nextMillis(), TimeUnit.MILLISECONDS);
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
        provider.close();
    }
}
