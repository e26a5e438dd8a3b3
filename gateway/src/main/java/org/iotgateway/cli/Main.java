package org.iotgateway.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code iot-gateway} command line. */
@Command(name = "iot-gateway", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Reads sensors, aggregates their readings in time windows and publishes them over MQTT, "
                + "keeping every aggregate in a local outbox until the broker has it.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order the usage help lists them. Added here rather than in the
     * annotation so that a command line naming one builds only that one's model: picocli reads
     * every subcommand's annotations, fields and mixins up front, by reflection in the
     * interpreter, a tenth of replay's start-up spent on run, tail and the others.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(RunCommand.class, ValidateCommand.class,
            ReplayCommand.class, CheckCommand.class, TailCommand.class, ConfigCommand.class, VersionCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit status for a bad config or unreadable input, as documented in gateway/docs/commands.md. */
    public static final int EXIT_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (tests call this in-process). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        // "help" shows the others, so it needs them all.
        if (only == null || only == CommandLine.HelpCommand.class) {
            SUBCOMMANDS.values().forEach(cli::addSubcommand);
        } else {
            cli.addSubcommand(only);
        }
        // After the subcommands: these settings are passed on only to those already added.
        return cli.setUsageHelpAutoWidth(true)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    /** The whole command line with every subcommand's model, not run: for checking command lines (the docs' examples). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        SUBCOMMANDS.values().forEach(cli::addSubcommand);
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static Map<String, Class<?>> subcommands(Class<?>... types) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> type : types) {
            byName.put(type.getAnnotation(Command.class).name(), type);
        }
        return byName;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
