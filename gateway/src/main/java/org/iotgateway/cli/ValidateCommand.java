package org.iotgateway.cli;

import java.util.concurrent.Callable;
import org.iotgateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks a config file without starting anything; prints each problem as FILE:LINE:COL: message. "
                + "Exit status 0 when valid, 2 when not.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        GatewayConfig cfg = config.loadOrReport(System.err);
        if (cfg == null) {
            return Main.EXIT_CONFIG;
        }
        int channels = cfg.sensors().stream().mapToInt(s -> s.channels().size()).sum();
        System.out.println(config.file + ": OK (gateway " + cfg.gateway().id() + ", " + cfg.sensors().size()
                + " sensors, " + channels + " channels)");
        return 0;
    }
}
