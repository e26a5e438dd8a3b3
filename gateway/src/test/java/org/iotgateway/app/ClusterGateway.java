package org.iotgateway.app;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;

/**
 * A real gateway process pointed at the nodes of a cluster (MQTT 3.1.1, as RabbitMQ 3.10 speaks), in
 * its own directory with its own outbox ({@code DIR/state/outbox}), and what its log says about the
 * nodes it connected to.
 */
final class ClusterGateway {
    /** "connected to broker URI with MQTT..." (the first) or "broker back after S s (URI, failed over from X)". */
    private static final Pattern CONNECT = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*(?:connected to broker "
            + "(tcp://[0-9.:]+)|broker back after [0-9.]+ s \\((tcp://[0-9.:]+))[^,]*(?:, failed over from (tcp://[0-9.:]+))?");

    /**
     * One connection as the log tells it.
     *
     * @param at the log line's time of day
     * @param uri the node
     * @param from the node it failed over from, or null when it is the same (or its first, at home)
     */
    record Connect(LocalTime at, String uri, String from) {
    }

    private ClusterGateway() {
    }

    /**
     * Writes {@code DIR/ID.yaml}: {@code channels} simulated channels with {@code window} windows, the
     * given brokers, status every 500 ms.
     */
    static Path config(Path dir, String id, List<String> brokers, int channels, String window, String mqttExtra)
            throws Exception {
        StringBuilder ch = new StringBuilder();
        for (int i = 0; i < channels; i++) {
            ch.append("      - {id: c").append(i).append(", window: ").append(window).append("}\n");
        }
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, """
                gateway: {id: %s}
                mqtt: {broker: [%s], version: 3.1.1, status-interval: 500ms%s}
                outbox: {path: state/outbox}
                sensors:
                  - id: s1
                    driver: simulated
                    params: {rate: 500}
                    channels:
                %s""".formatted(id, String.join(", ", brokers), mqttExtra, ch));
        return file;
    }

    /** Starts the real jar with {@code jvmOptions} and waits for its "running" line. */
    static GatewayProcess start(Path dir, Path config, String id, List<String> jvmOptions) throws Exception {
        GatewayProcess gw = GatewayProcess.startWith(dir, jvmOptions, List.of(), "run", "--config", config.toString());
        await().atMost(Duration.ofSeconds(120)).until(() -> gw.stderr().stream()
                .anyMatch(l -> l.contains("Gateway: gateway " + id + " running")) || !gw.isAlive());
        if (!gw.isAlive()) {
            throw new AssertionError("gateway " + id + " exited:\n" + gw.allOutput());
        }
        return gw;
    }

    /** Every connection the gateway's log reports, in order. */
    static List<Connect> connects(GatewayProcess gw) {
        List<Connect> out = new ArrayList<>();
        for (String line : gw.stderr()) {
            Matcher m = CONNECT.matcher(line);
            if (m.find()) {
                String uri = m.group(2) != null ? m.group(2) : m.group(3);
                out.add(new Connect(LocalTime.parse(m.group(1)), uri, m.group(4)));
            }
        }
        return out;
    }

    /** Appends the gateway's output to {@code target/NAME.log}, for the story behind a failure. */
    static void keepLog(GatewayProcess gw, String name) throws Exception {
        Files.writeString(Path.of("target", name + ".log"), "=== gateway pid " + gw.pid() + "\n" + gw.allOutput()
                + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The node of the gateway's latest connection, or null before the first. */
    static String node(GatewayProcess gw) {
        List<Connect> c = connects(gw);
        return c.isEmpty() ? null : c.get(c.size() - 1).uri();
    }
}
