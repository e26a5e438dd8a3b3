package org.iotgateway.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by the subcommands, and loading it with clear errors. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the YAML config file")
    Path file;

    /** Loads the config, or prints every problem as FILE:LINE:COL: message to {@code err} and returns null. */
    GatewayConfig loadOrReport(PrintStream err) {
        ConfigLoader.Loaded loaded = loadFileOrReport(err);
        return loaded == null ? null : loaded.config();
    }

    /** {@link #loadOrReport}, with the hash of the file's bytes. */
    ConfigLoader.Loaded loadFileOrReport(PrintStream err) {
        return load(file, err);
    }

    /** Loads {@code file}, or prints every problem to {@code err} and returns null. */
    static ConfigLoader.Loaded load(Path file, PrintStream err) {
        try {
            return new ConfigLoader().loadFile(file);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println(p));
            return null;
        }
    }
}
