package org.iotgateway.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;

/**
 * Warnings for a valid config that would lose or hide data: {@code validate} prints them (and
 * {@code --strict} fails on them), {@code run} logs them and runs anyway. Every message starts
 * with {@code warning: }, so {@code FILE:LINE:COL: warning: ...} reads like a compiler's. Pure.
 */
public final class ConfigLint {
    private static final String PREFIX = "warning: ";
    private static final List<ConfigCheck> CHECKS = List.of(
            new WindowShorterThanSampling(),
            new OutboxUnderAnHour(),
            new SharedTopics());

    private ConfigLint() {
    }

    /** Every warning for {@code loaded}, in file order. */
    public static List<Problem> warnings(ConfigLoader.Loaded loaded) {
        List<Problem> found = new ArrayList<>();
        for (ConfigCheck c : CHECKS) {
            c.check(loaded, found);
        }
        return found.stream()
                .map(p -> new Problem(p.file(), p.line(), p.col(), PREFIX + p.message()))
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::col))
                .toList();
    }
}
