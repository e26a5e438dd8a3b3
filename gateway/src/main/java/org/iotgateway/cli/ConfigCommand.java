package org.iotgateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
        subcommands = {KeygenCommand.class, SignCommand.class, PushCommand.class},
        description = {"Remote configuration: make a signing key pair, sign a config, push it to gateways over MQTT "
                + "(see gateway/docs/remote-config.md)."})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
