package org.iotgateway.lint;

import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;

/**
 * One check for a config that loads but would lose or hide data. Implementations are pure and
 * stateless; called on the loading thread.
 */
interface ConfigCheck {
    /** Adds one warning per finding, positioned in the file, to {@code out}. */
    void check(ConfigLoader.Loaded loaded, List<Problem> out);
}
