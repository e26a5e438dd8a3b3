package org.iotgateway.check;

import java.util.function.Consumer;
import org.iotgateway.config.ConfigLoader;

/**
 * A group of checks {@code iot-gateway check} runs against a valid config before the service is
 * started (the config itself, the devices the sensors read, the broker the aggregates go to).
 * Adding one is one class plus one line in {@link CheckCatalog}.
 * <p>
 * Called on the command's main thread, one suite after the other. A suite may block on the network
 * or on devices, but every wait is bounded by its own timeout, so the command always ends. It
 * reports each result through {@code out} as soon as it has it, and never throws for what it
 * checks: a problem found is a {@link CheckResult.Outcome#FAIL} line with its fix.
 */
public interface CheckSuite {
    void run(ConfigLoader.Loaded config, Consumer<CheckResult> out);
}
