package org.iotgateway.driver.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.util.function.Supplier;

/**
 * pi4j's mock digital-input provider under the id {@code flaky-digital-input}, whose
 * {@code initialize} throws what the test says, as pi4j's gpiod provider throws when it finds no
 * usable chip. Otherwise the mock: its pins are {@code MockDigitalInput}s.
 */
public final class FlakyInputProvider extends MockDigitalInputProviderImpl {
    public static final String ID = "flaky-digital-input";
    private final Supplier<RuntimeException> failure;

    /** @param failure what to throw now; null: initialise */
    public FlakyInputProvider(Supplier<RuntimeException> failure) {
        this.failure = failure;
        this.id = ID;
    }

    @Override
    public DigitalInputProvider initialize(Context context) {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        return super.initialize(context);
    }
}
