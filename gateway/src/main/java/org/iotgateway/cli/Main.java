package org.iotgateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iot-gateway} command line. */
@Command(name = "iot-gateway", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Reads sensors, aggregates their readings in time windows and publishes them over MQTT, "
                + "keeping every aggregate in a local outbox until the broker has it.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReplayCommand.class, TailCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status for a bad config or unreadable input, as documented in the README. */
    public static final int EXIT_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (tests call this in-process). */
    public static int execute(String... args) {
        return new CommandLine(new Main())
                .setUsageHelpAutoWidth(true)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
