package org.iotgateway.cli;

import java.util.concurrent.Callable;
import org.iotgateway.check.CheckCatalog;
import org.iotgateway.check.CheckReport;
import org.iotgateway.check.CheckSuite;
import org.iotgateway.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks, before the service is started, what the gateway will meet when it runs with this config: "
                + "the config's warnings, the sensors' devices and the broker. One line per check, with the fix when "
                + "it fails.",
                "Exit status 0 when nothing failed (warnings allowed), 1 when a check failed, 2 when the config is invalid."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = config.loadFileOrReport(System.err);
        if (loaded == null) {
            return Main.EXIT_CONFIG;
        }
        CheckReport report = new CheckReport(System.out);
        for (CheckSuite suite : CheckCatalog.suites()) {
            suite.run(loaded, report::add);
        }
        return report.finish();
    }
}
