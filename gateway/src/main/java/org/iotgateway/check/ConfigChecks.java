package org.iotgateway.check;

import java.util.List;
import java.util.function.Consumer;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;
import org.iotgateway.lint.ConfigLint;

/** The config file: it loaded (or the command would have stopped with exit 2); its warnings, one line each. */
final class ConfigChecks implements CheckSuite {
    @Override
    public void run(ConfigLoader.Loaded config, Consumer<CheckResult> out) {
        String subject = "config";
        List<Problem> warnings = ConfigLint.warnings(config);
        if (warnings.isEmpty()) {
            out.accept(CheckResult.ok(subject, "valid, no warnings"));
        }
        for (Problem p : warnings) {
            out.accept(CheckResult.warn(subject, p.toString(), null));
        }
    }
}
