package org.iotgateway.driver.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import java.util.concurrent.atomic.AtomicLong;

/** pi4j's mock provider, built explicitly (no auto-detection), and a clock the test steps. */
final class MockGpio implements AutoCloseable {
    final Context context = Pi4J.newContextBuilder().add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance()).build();
    final AtomicLong nanos = new AtomicLong();

    /** Sets the level at {@code atMillis} on the test clock; listeners run synchronously. */
    void level(int pin, boolean high, long atMillis) {
        nanos.set(atMillis * 1_000_000);
        MockDigitalInput in = context.registry().all().values().stream()
                .filter(io -> io instanceof MockDigitalInput)
                .map(io -> (MockDigitalInput) io)
                .filter(io -> io.config().address() == pin)
                .findFirst().orElseThrow(() -> new AssertionError("pin " + pin + " not open"));
        in.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
