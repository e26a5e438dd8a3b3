package org.iotgateway.lint;

import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;

/** Loads YAML text as {@code gw.yaml} and runs one check on it; the warnings as the CLI prints them. */
final class Lint {
    private Lint() {
    }

    static ConfigLoader.Loaded load(String yaml) {
        try {
            return new ConfigLoader(name -> null).parseLoaded("gw.yaml", yaml);
        } catch (ConfigException e) {
            throw new AssertionError("the test config does not load: " + e.problems(), e);
        }
    }

    static List<String> run(ConfigCheck check, String yaml) {
        List<Problem> out = new ArrayList<>();
        check.check(load(yaml), out);
        return out.stream().map(Problem::toString).toList();
    }
}
