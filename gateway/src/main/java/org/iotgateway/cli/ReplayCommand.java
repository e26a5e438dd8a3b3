package org.iotgateway.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.replay.Replay;
import org.iotgateway.replay.ReplayInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs recorded readings through the configured filters and windows, with the data's own time as "
                + "the clock, and writes the aggregates as JSON lines (the MQTT payload) in window-end order.",
                "Input: CSV with header timestamp,sensor,channel,value (timestamp in epoch ms or ISO-8601).",
                "Rejected rows are counted and reported on stderr. Exit status 0 (also when rows were rejected), "
                        + "2 on a bad config or unreadable input."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "CSV", description = "the CSV file, or - for stdin")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "where the JSON lines go (default: - for stdout)")
    String output;

    @Override
    public Integer call() throws IOException {
        GatewayConfig cfg = config.loadOrReport(System.err);
        if (cfg == null) {
            return Main.EXIT_CONFIG;
        }
        try (OutputStream out = "-".equals(output)
                ? new BufferedOutputStream(System.out, 1 << 16)
                : Files.newOutputStream(Path.of(output))) {
            Replay.run(cfg, Path.of(input), out, System.err);
            return 0;
        } catch (ReplayInputException e) {
            System.err.println(e.getMessage());
            return Main.EXIT_CONFIG;
        }
    }
}
