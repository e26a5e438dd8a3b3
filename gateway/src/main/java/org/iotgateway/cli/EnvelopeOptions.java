package org.iotgateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.remote.Envelope;
import org.iotgateway.remote.SigningKey;
import org.iotgateway.util.SetupException;
import picocli.CommandLine.Option;

/** What {@code config sign} and {@code config push} put into an envelope, and making it. */
final class EnvelopeOptions {
    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "the config to send, as it should run on the gateways (its bytes are sent unchanged)")
    Path config;

    @Option(names = "--to", required = true, split = ",", paramLabel = "ID",
            description = "the gateway ids it is for, comma-separated (config sign also takes '*': every gateway "
                    + "that reads the topic)")
    List<String> to;

    @Option(names = {"-k", "--key"}, paramLabel = "KEY",
            description = "the private key to sign with (config keygen's NAME.key, or an openssl Ed25519 key with its "
                    + ".pub beside it); without it the config goes unsigned, which gateways refuse unless "
                    + "remote-config.require-signature is false")
    Path key;

    @Option(names = "--version", paramLabel = "N",
            description = "the config's version: above every version the gateways have taken (default: the time in "
                    + "seconds since 1970, which grows by itself)")
    Long version;

    /** The envelope, or null after printing why not to stderr. */
    Envelope build(String command) {
        try {
            byte[] yaml;
            try (InputStream in = Files.newInputStream(config)) {
                yaml = in.readNBytes(ConfigLoader.MAX_BYTES + 1);
            }
            if (yaml.length > ConfigLoader.MAX_BYTES) {
                throw new SetupException(config + ": larger than 1 MB");
            }
            long v = version != null ? version : System.currentTimeMillis() / 1000;
            if (v < 1) {
                throw new SetupException("--version must be at least 1");
            }
            // "*" (every gateway that reads the topic) is for sign only: push waits for each named gateway's answer.
            boolean star = command.equals("sign") && to.equals(List.of("*"));
            if (!star && to.stream().anyMatch(id -> !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"))) {
                throw new SetupException("--to: gateway ids are letters, digits, '.', '_', '-'" + (command.equals("sign")
                        ? ", or '*' alone" : " ('*' only with config sign: push waits for each gateway it names)")
                        + ", got " + to);
            }
            Envelope e = new Envelope(v, to, yaml, null, null);
            return key == null ? e : SigningKey.load(key).sign(e);
        } catch (IOException e) {
            System.err.println("iot-gateway config " + command + ": cannot read " + config + ": " + e.getMessage());
        } catch (SetupException e) {
            System.err.println("iot-gateway config " + command + ": " + e.getMessage());
        }
        return null;
    }
}
