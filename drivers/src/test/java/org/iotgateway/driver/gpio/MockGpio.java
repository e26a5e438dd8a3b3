package org.iotgateway.driver.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.driver.host.Host;
import org.iotgateway.driver.pi4j.Pi4jProviders;
import org.iotgateway.driver.pi4j.ProviderLease;
import org.iotgateway.driver.pi4j.ProviderUnavailable;
import org.iotgateway.util.Backoff;

/**
 * pi4j's mock digital-input provider, as {@code provider: mock}, through the same {@link Pi4jProviders}
 * the drivers use in production (only the provider source differs), and a clock the test steps.
 * Holds a lease of its own, so the context outlives the drivers of a test until {@link #close}.
 */
final class MockGpio implements AutoCloseable {
    static final String ID = "mock-digital-input";
    /** A machine with nothing on it: diagnoses see no chips. */
    static final Host NO_HOST = Host.at(Path.of("/nonexistent-host-root"));

    final Pi4jProviders providers = new Pi4jProviders((id, scratch) -> {
        if (!id.equals(ID)) {
            throw new ProviderUnavailable(id, "no pi4j provider '" + id + "' in this test", null);
        }
        return MockDigitalInputProvider.newInstance();
    });
    private final ProviderLease own = providers.lease(ID);
    final AtomicLong nanos = new AtomicLong();

    /** A lease for one driver, which closes it. */
    ProviderLease lease() {
        return providers.lease(ID);
    }

    static Backoff fastRetry() {
        return Backoff.exact(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    Context context() {
        try {
            return own.context();
        } catch (ProviderUnavailable e) {
            throw new AssertionError(e);
        }
    }

    /** Sets the level at {@code atMillis} on the test clock; listeners run synchronously. */
    void level(int pin, boolean high, long atMillis) {
        nanos.set(atMillis * 1_000_000);
        input(pin).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    boolean open(int pin) {
        return context().registry().all().values().stream()
                .anyMatch(io -> io instanceof MockDigitalInput in && in.config().address() == pin);
    }

    private MockDigitalInput input(int pin) {
        return context().registry().all().values().stream()
                .filter(io -> io instanceof MockDigitalInput)
                .map(io -> (MockDigitalInput) io)
                .filter(io -> io.config().address() == pin)
                .findFirst().orElseThrow(() -> new AssertionError("pin " + pin + " not open"));
    }

    @Override
    public void close() {
        own.close();
    }
}
