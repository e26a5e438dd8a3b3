package org.iotgateway.testing.gpio;

import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProviderImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * A pi4j plugin for the real gateway process in {@code GpioRecoveryIT}: provider
 * {@code fakechip-digital-input} initialises the way pi4j's gpiod does on a Pi, but against the
 * tree the {@code iotgateway.host.root} property names: with no {@code dev/gpiochip0} it throws
 * "Couldn't identify gpiochip!"; with one the gateway's user may not open (not others-rw: that
 * user owns nothing in the tree) it throws libgpiod's "Permission denied"; else it is pi4j's mock
 * digital input. Runs in the gateway process, found through ServiceLoader like gpiod.
 */
public final class FakeChipPlugin implements Plugin {
    public static final String PROVIDER = "fakechip";

    @Override
    public void initialize(PluginService service) {
        service.register(new Provider());
    }

    /** The provider; public for pi4j's reflection-free registry, nothing else. */
    public static final class Provider extends MockDigitalInputProviderImpl {
        public Provider() {
            this.id = PROVIDER + "-digital-input";
        }

        @Override
        public DigitalInputProvider initialize(Context context) {
            Path chip = Path.of(System.getProperty("iotgateway.host.root"), "dev", "gpiochip0");
            if (!Files.exists(chip)) {
                throw new IllegalStateException("Couldn't identify gpiochip!");
            }
            Set<PosixFilePermission> perms;
            try {
                perms = Files.getPosixFilePermissions(chip);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (!perms.contains(PosixFilePermission.OTHERS_READ) || !perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IllegalStateException("gpiod_chip_iter_new failed! (Permission denied)");
            }
            return super.initialize(context);
        }
    }
}
