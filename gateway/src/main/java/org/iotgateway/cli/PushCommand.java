package org.iotgateway.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.TlsConfig;
import org.iotgateway.mqtt.MqttLink;
import org.iotgateway.mqtt.OneShotLink;
import org.iotgateway.mqtt.ReasonCode;
import org.iotgateway.mqtt.Refusal;
import org.iotgateway.remote.Envelope;
import org.iotgateway.util.SetupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Signs a config and publishes it to each gateway's config topic (retained, so a gateway that is "
                + "offline gets it when it connects), then waits for each gateway's result and prints one line per "
                + "gateway: applied, refused with the reason (and the FILE:LINE:COL problems of an invalid config), "
                + "rolled-back with why, or no answer within --timeout.",
                "Exit status 0 when every gateway applied it, 1 when one did not (or the broker cannot be reached), "
                        + "2 when the config or key cannot be read."})
final class PushCommand implements Callable<Integer> {
    @Mixin
    EnvelopeOptions envelope;

    @Option(names = {"-b", "--broker"}, required = true, paramLabel = "URI", description = "tcp://HOST:PORT or ssl://HOST:PORT")
    String broker;

    @Option(names = "--username", paramLabel = "USER", description = "the pusher's MQTT user")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the pusher's MQTT password")
    Path passwordFile;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM CA bundle of an ssl:// broker (default: the system's)")
    Path ca;

    @Option(names = "--mqtt-version", paramLabel = "V", defaultValue = "5",
            description = "5 (the broker says when it refuses the publish) or 3.1.1 (default 5)")
    String mqttVersion;

    @Option(names = "--topic", paramLabel = "TEMPLATE", defaultValue = "sensors/{gateway}/config/set",
            description = "the gateways' remote-config.topic (default sensors/{gateway}/config/set)")
    String topic;

    @Option(names = "--result-topic", paramLabel = "TEMPLATE", defaultValue = "sensors/{gateway}/config/result",
            description = "the gateways' remote-config.result-topic (default sensors/{gateway}/config/result)")
    String resultTopic;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "90s",
            description = "how long to wait for the answers (default 90s: a failing config answers after its "
                    + "health-deadline, 60s by default)")
    String timeout;

    @Option(names = "--no-retain", description = "publish without the retained flag: offline gateways never get it")
    boolean noRetain;

    @Override
    public Integer call() throws InterruptedException {
        Envelope e = envelope.build("push");
        if (e == null) {
            return Main.EXIT_CONFIG;
        }
        MqttConfig mqtt;
        Duration wait;
        try {
            wait = org.iotgateway.config.Durations.parse(timeout);
            mqtt = new MqttConfig(List.of(broker), null, username, null, passwordFile,
                    ca == null ? null : new TlsConfig(ca, null, null, null, null, null), 1, null, null, null, null,
                    null, null, mqttVersion, null, null);
        } catch (IllegalArgumentException x) { // InvalidValueException too: a bad URI or version
            System.err.println("iot-gateway config push: " + x.getMessage());
            return Main.EXIT_CONFIG;
        }
        PushAnswers answers = new PushAnswers(e.version(), e.targets());
        try (OneShotLink one = OneShotLink.open(mqtt, "iot-gateway-push-" + UUID.randomUUID().toString().substring(0, 8),
                Duration.ofSeconds(10))) {
            if (one.failure() != null) {
                System.err.println("iot-gateway config push: cannot connect to " + broker + ": " + one.failure());
                return 1;
            }
            if (!listen(one.link(), answers)) {
                return 1;
            }
            send(one.link(), e, answers);
            answers.await(wait.toMillis());
        } catch (SetupException x) {
            System.err.println("iot-gateway config push: " + x.getMessage());
            return Main.EXIT_CONFIG;
        }
        System.out.print(answers.table(wait.toSeconds()));
        return answers.exitStatus();
    }

    /** Subscribes to the result topics first: results are not retained. */
    private boolean listen(MqttLink link, PushAnswers answers) {
        for (String t : perGateway(resultTopic).keySet()) {
            try {
                int granted = link.subscribe(t, 1, 10_000, answers::offer);
                if (granted >= 0x80) {
                    System.err.println("iot-gateway config push: the broker refused the subscription to " + t + " ("
                            + ReasonCode.describe(granted) + "): the answers cannot be read");
                    return false;
                }
            } catch (Exception x) {
                System.err.println("iot-gateway config push: cannot subscribe to " + t + ": " + x);
                return false;
            }
        }
        return true;
    }

    private void send(MqttLink link, Envelope e, PushAnswers answers) {
        byte[] payload = e.toJson();
        perGateway(topic).forEach((t, gateways) -> {
            try {
                link.publish(t, payload, 1, !noRetain, new MqttLink.Completion() {
                    @Override
                    public void accepted() {
                    }

                    @Override
                    public void refused(Refusal r) {
                        gateways.forEach(g -> answers.notSent(g, "the broker refused the publish to " + t + ": "
                                + ReasonCode.describe(r.code())));
                    }

                    @Override
                    public void failed(Throwable cause) {
                        gateways.forEach(g -> answers.notSent(g, "the publish to " + t + " failed: " + cause));
                    }
                });
            } catch (MqttLink.NotSentException x) {
                gateways.forEach(g -> answers.notSent(g, "not sent: " + x.getMessage()));
            }
        });
    }

    /** Each topic of a template, with the gateways it reaches: one per gateway, or one for all without {gateway}. */
    private Map<String, List<String>> perGateway(String template) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String g : envelope.to) {
            out.computeIfAbsent(template.replace("{gateway}", g), k -> new java.util.ArrayList<>()).add(g);
        }
        return out;
    }
}
