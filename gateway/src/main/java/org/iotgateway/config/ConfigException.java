package org.iotgateway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The config file cannot be used; carries every problem found, in file order. Checked on purpose:
 * start-up code has to decide how to report it (the CLI prints {@link #problems()} to stderr and exits 2).
 */
public final class ConfigException extends Exception {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** At least one problem, sorted by line and column. */
    public List<Problem> problems() {
        return problems;
    }
}
