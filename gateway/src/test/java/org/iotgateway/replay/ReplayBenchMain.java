package org.iotgateway.replay;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Stand-in for {@code iot-gateway replay} until the CLI has the subcommand: replays with the
 * bench-100 config (config/examples/bench-100.yaml, built here in Java because the YAML loader is
 * not in yet). Used by scripts/bench.sh only. Args: {@code --input FILE --output FILE}.
 */
public final class ReplayBenchMain {
    private ReplayBenchMain() {
    }

    public static void main(String[] args) throws IOException {
        String input = "-";
        String output = "-";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--input" -> input = args[i + 1];
                case "--output" -> output = args[i + 1];
                default -> { /* --config and the like: the config is fixed here */ }
            }
        }
        try (OutputStream out = output.equals("-") ? System.out : new FileOutputStream(output)) {
            Replay.run(TestConfigs.simple("bench", 100), Path.of(input), out, System.err);
        } catch (ReplayInputException e) {
            System.err.println("replay: " + e.getMessage());
            System.exit(ReplayInputException.EXIT_CODE);
        }
    }
}
