package org.iotgateway.driver.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.NoParams;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.host.HostTree;
import org.iotgateway.driver.pi4j.FlakyInputProvider;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GPIO sensor whose provider cannot initialise at start (no chip, then a chip it may not open)
 * while another GPIO sensor on a working provider reads: the first says what is wrong at each
 * stage and opens by itself once the chip is usable; the second never misses an edge and its
 * pi4j context is never rebuilt. The failing provider is pi4j's mock under another id, made to
 * throw what pi4j's gpiod throws; the diagnosis reads a temp tree shaped like /dev and /proc.
 */
class GpioRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path root;

    private final AtomicReference<RuntimeException> initFailure = new AtomicReference<>();
    private final Pi4jProviders providers = new Pi4jProviders((id, scratch) -> switch (id) {
        case FlakyInputProvider.ID -> new FlakyInputProvider(initFailure::get);
        case MockGpio.ID -> MockDigitalInputProvider.newInstance();
        default -> throw new ProviderUnavailable(id, "no " + id, null);
    });

    private GpioInputDriver driver(String sensor, int pin, String provider, HostTree tree) {
        GpioInputParams p = new GpioInputParams(pin, Pull.UP, Duration.ZERO, Duration.ofHours(1), false, provider);
        return new GpioInputDriver(new SensorSpec<>(sensor, p, List.of(new ChannelSpec<>(0, "level", new NoParams()))),
                providers.lease(GpioPin.providerId(provider)), tree.host(), MockGpio.fastRetry(), System::nanoTime,
                System::currentTimeMillis);
    }

    @Test
    void aPinWhoseChipIsNotUsableAtStartOpensByItselfAndTheOtherSensorNeverStops() throws Exception {
        HostTree tree = new HostTree(root);
        initFailure.set(new IllegalStateException("Couldn't identify gpiochip!"));
        RecordingSink doorSink = new RecordingSink();
        RecordingSink windowSink = new RecordingSink();
        try (ProviderLease watch = providers.lease(MockGpio.ID);
             GpioInputDriver door = driver("door", 17, "flaky", tree);
             GpioInputDriver window = driver("window", 27, "mock", tree)) {
            door.start(doorSink);
            window.start(windowSink);
            Context windowContext = watch.context();
            await().atMost(WAIT).until(() -> windowSink.lastState() == SensorState.OK && windowSink.readings.size() == 1);
            Toggler toggler = new Toggler(input(windowContext, 27));
            toggler.start();

            await().atMost(WAIT).until(() -> doorSink.lastState() == SensorState.DISCONNECTED);
            assertThat(doorSink.lastDetail()).isEqualTo("/dev/gpiochip*: no GPIO chip: /dev/gpiochip* does not exist;"
                    + " fix: on a Pi the kernel creates it during boot (the gateway keeps trying); in a container, pass"
                    + " it in (--device /dev/gpiochip0)");

            tree.file("/dev/gpiochip0", "").mode("/dev/gpiochip0", "rw-------"); // udev has not given it a group yet
            initFailure.set(new IllegalStateException("gpiod_chip_iter_new failed! (Permission denied)"));
            await().atMost(WAIT).until(() -> doorSink.lastDetail().contains("permission denied"));
            assertThat(doorSink.lastDetail()).startsWith("/dev/gpiochip0: permission denied: it is ")
                    .contains(" 0600, so only ").contains("may read and write it, not user iot-gateway; fix: give the"
                            + " GPIO chip a group with a udev rule in /etc/udev/rules.d/60-iot-gateway.rules:");
            assertThat(doorSink.states).containsOnly(SensorState.DISCONNECTED);

            tree.mode("/dev/gpiochip0", "rw-rw-rw-");
            initFailure.set(null); // the chip is usable: the next attempt builds the provider and opens the pin
            await().atMost(WAIT).until(() -> doorSink.lastState() == SensorState.OK);
            assertThat(doorSink.lastDetail()).isEqualTo("GPIO 17 open");
            await().atMost(WAIT).until(() -> doorSink.readings.size() == 1); // its level, at once
            try (ProviderLease flaky = providers.lease(FlakyInputProvider.ID)) {
                input(flaky.context(), 17).mockState(DigitalState.HIGH);
            }
            assertThat(doorSink.values(0)).containsExactly(0.0, 1.0);

            int toggles = toggler.finish();
            assertThat(toggles).isGreaterThan(10);
            assertThat(windowSink.values(0)).as("the initial level, then every toggle").hasSize(1 + toggles);
            assertThat(windowSink.states).containsExactly(SensorState.OK);
            assertThat(watch.context()).as("the working provider's context was never rebuilt").isSameAs(windowContext);
        }
    }

    private static MockDigitalInput input(Context context, int pin) {
        return context.registry().all().values().stream()
                .filter(io -> io instanceof MockDigitalInput in && in.config().address() == pin)
                .map(io -> (MockDigitalInput) io).findFirst().orElseThrow();
    }

    /** Flips a mock pin every few milliseconds on its own thread until stopped. */
    private static final class Toggler extends Thread {
        private final MockDigitalInput in;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger count = new AtomicInteger();

        Toggler(MockDigitalInput in) {
            super("toggler");
            this.in = in;
        }

        @Override
        public void run() {
            boolean high = false;
            while (running.get()) {
                high = !high;
                in.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
                count.incrementAndGet();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int finish() throws InterruptedException {
            running.set(false);
            join();
            return count.get();
        }
    }
}
