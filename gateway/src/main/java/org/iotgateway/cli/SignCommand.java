package org.iotgateway.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.iotgateway.remote.Envelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Writes the envelope of a config (gateway/docs/remote-config.md, \"The envelope\"): the YAML, its "
                + "version and targets, signed with --key. Publish it to a gateway's config topic with any MQTT client; "
                + "config push does both.",
                "Exit status 0 when written, 2 when the config or key cannot be read."})
final class SignCommand implements Callable<Integer> {
    @Mixin
    EnvelopeOptions envelope;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "where the envelope goes (default -: stdout)")
    String output;

    @Override
    public Integer call() {
        Envelope e = envelope.build("sign");
        if (e == null) {
            return Main.EXIT_CONFIG;
        }
        byte[] json = e.toJson();
        try {
            if (output.equals("-")) {
                System.out.write(json);
                System.out.println();
                System.out.flush();
            } else {
                Files.write(Path.of(output), json);
            }
        } catch (IOException x) {
            System.err.println("iot-gateway config sign: cannot write " + output + ": " + x.getMessage());
            return Main.EXIT_CONFIG;
        }
        System.err.println("version " + e.version() + " for " + String.join(",", e.targets())
                + (e.signed() ? ", signed with key " + e.keyId() : ", unsigned"));
        return 0;
    }
}
