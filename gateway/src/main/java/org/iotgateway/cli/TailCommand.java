package org.iotgateway.cli;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.mqtt.MqttOptions;
import org.iotgateway.mqtt.TlsSetupException;
import org.iotgateway.tail.TailPrinter;
import org.iotgateway.tail.TailSubscriber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Subscribes to the aggregate topics and prints each aggregate as one line (window end, gateway, "
                + "sensor/channel, values, unit, seq), and each status message. Flags every seq gap (!! GAP), "
                + "duplicate (!! DUPLICATE), late seq (!! LATE) and gateway restart (-- BOOT), per gateway: "
                + "the subscriber's own check that nothing was lost. Ctrl-C prints a summary on stderr.",
                "Broker, credentials and TLS come from --config; without it, --broker (anonymous)."})
final class TailCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "a gateway config: its broker(s), credentials, TLS and topic template")
    Path config;

    @Option(names = {"-b", "--broker"}, paramLabel = "URI",
            description = "tcp://HOST:PORT or ssl://HOST:PORT (default: the config's, else tcp://localhost:1883)")
    String broker;

    @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "0",
            description = "exit after N aggregates (default 0: run until stopped)")
    long count;

    @Parameters(arity = "0..1", paramLabel = "TOPIC-FILTER",
            description = "what to subscribe to (default: the config's topics of its gateway, e.g. sensors/demo/#; "
                    + "without --config sensors/#)")
    String filter;

    @Override
    public Integer call() throws Exception {
        MqttConfig mqtt = MqttConfig.defaults();
        String gateway = null;
        if (config != null) {
            ConfigLoader.Loaded loaded = ConfigOption.load(config, System.err);
            if (loaded == null) {
                return Main.EXIT_CONFIG;
            }
            mqtt = loaded.config().mqtt();
            gateway = loaded.config().gateway().id();
        }
        if (broker != null) {
            mqtt = withBroker(mqtt, broker);
        }
        MqttConnectOptions options;
        try {
            options = MqttOptions.forSubscriber(mqtt);
        } catch (GeneralSecurityException | TlsSetupException e) {
            System.err.println("tail: cannot set up TLS: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        String topics = filter != null ? filter : defaultFilter(mqtt.topic(), gateway);
        try {
            MqttTopic.validate(topics, true);
        } catch (IllegalArgumentException e) {
            System.err.println("tail: '" + topics + "' is not a topic filter: " + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        return run(options, topics);
    }

    private int run(MqttConnectOptions options, String topicFilter) throws MqttException, InterruptedException {
        BlockingQueue<TailSubscriber.Message> queue = new LinkedBlockingQueue<>();
        TailPrinter printer = new TailPrinter(System.out);
        Thread summary = new Thread(() -> printer.printSummary(System.err), "tail-summary");
        Runtime.getRuntime().addShutdownHook(summary);
        try (TailSubscriber sub = TailSubscriber.start(options, topicFilter, queue, System.err)) {
            while (count <= 0 || printer.aggregates() < count) {
                TailSubscriber.Message m = queue.take();
                if (m.topic() == null) {
                    printer.subscriberReconnected();
                } else {
                    printer.print(m.topic(), m.payload());
                }
                System.out.flush();
            }
        }
        Runtime.getRuntime().removeShutdownHook(summary);
        printer.printSummary(System.err);
        return 0;
    }

    /**
     * The template's levels before its first placeholder, then {@code #}, with the gateway filled in
     * when known: {@code sensors/demo/#} (aggregates and status of that gateway), else {@code sensors/#}.
     */
    static String defaultFilter(String template, String gateway) {
        String t = gateway == null ? template : template.replace("{gateway}", gateway);
        int placeholder = t.indexOf('{');
        return t.substring(0, t.lastIndexOf('/', placeholder) + 1) + "#";
    }

    private static MqttConfig withBroker(MqttConfig c, String uri) {
        return c.withBroker(uri);
    }
}
