package org.iotgateway.check;

import java.util.function.Consumer;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.Host;

/**
 * The devices the sensors read: for each GPIO, I²C, serial and 1-Wire sensor, whether its device
 * exists and can be opened by the user running the check and by the service user, with the fix.
 * The knowledge is the drivers' ({@link org.iotgateway.driver.DriverType#devices}); this only
 * names the lines after the sensor. Reads files, opens no device.
 */
final class HardwareChecks implements CheckSuite {
    private final Host host;

    HardwareChecks() {
        this(Host.system());
    }

    HardwareChecks(Host host) {
        this.host = host;
    }

    @Override
    public void run(ConfigLoader.Loaded config, Consumer<CheckResult> out) {
        for (SensorConfig s : config.config().sensors()) {
            DriverCatalog.find(s.driver()).ifPresent(type -> {
                for (DeviceFinding f : type.checkDevices(s.spec(), host)) {
                    out.accept(result("sensor " + s.id() + " " + f.subject(), f));
                }
            });
        }
    }

    private static CheckResult result(String subject, DeviceFinding f) {
        return switch (f.outcome()) {
            case OK -> CheckResult.ok(subject, f.detail());
            case WARN -> CheckResult.warn(subject, f.detail(), f.fix());
            case FAIL -> CheckResult.fail(subject, f.detail(), f.fix());
            case SKIP -> CheckResult.skip(subject, f.detail());
        };
    }
}
