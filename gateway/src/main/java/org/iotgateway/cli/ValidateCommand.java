package org.iotgateway.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.Problem;
import org.iotgateway.lint.ConfigLint;
import org.iotgateway.lint.OutboxLoad;
import org.iotgateway.remote.InForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a config file without starting anything; prints each problem as FILE:LINE:COL: message, "
                + "and each warning (a valid config that would lose or hide data) as FILE:LINE:COL: warning: message.",
                "With remote-config enabled, also says which config a start would run: a pushed one may run instead of FILE.",
                "Exit status 0 when valid (also with warnings), 2 when not, or when --strict and there are warnings."})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--strict", description = "treat warnings as errors (exit status 2)")
    boolean strict;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = config.loadFileOrReport(System.err);
        if (loaded == null) {
            return Main.EXIT_CONFIG;
        }
        List<Problem> warnings = ConfigLint.warnings(loaded);
        warnings.forEach(System.err::println);
        if (strict && !warnings.isEmpty()) {
            System.err.println(config.file + ": " + warnings.size() + " warning(s), errors under --strict");
            return Main.EXIT_CONFIG;
        }
        GatewayConfig cfg = loaded.config();
        int channels = cfg.sensors().stream().mapToInt(s -> s.channels().size()).sum();
        String held = OutboxLoad.of(cfg).summary(cfg).map(text -> ", " + text).orElse("");
        String warned = warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)";
        System.out.println(config.file + ": OK (gateway " + cfg.gateway().id() + ", " + cfg.sensors().size()
                + " sensors, " + channels + " channels" + held + warned + ")");
        if (cfg.remoteConfig().enabled()) {
            System.out.println(inForce());
        }
        return 0;
    }

    /** Which file a start would run: with remote-config on, a pushed config may run instead of this one. */
    private String inForce() {
        try {
            InForce f = InForce.peek(config.file, new ConfigLoader());
            return "in force: " + f.file() + " (" + f.why() + ")";
        } catch (ConfigException | IOException | RuntimeException e) {
            return "in force: cannot tell: " + e.getMessage();
        }
    }
}
