package org.iotgateway.check;

import java.util.List;

/** The suites {@code iot-gateway check} runs, in order: the config (and remote configuration's
 * files), then the devices, then the broker. */
public final class CheckCatalog {
    private static final List<CheckSuite> SUITES = List.of(new ConfigChecks(), new RemoteConfigChecks(),
            new HardwareChecks(), new BrokerChecks());

    private CheckCatalog() {
    }

    public static List<CheckSuite> suites() {
        return SUITES;
    }
}
