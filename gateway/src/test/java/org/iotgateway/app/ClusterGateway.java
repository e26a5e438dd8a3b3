package org.iotgateway.app;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final Pattern STATUS_PAGE = Pattern.compile("status page on (http://[0-9.:]+)/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ClusterGateway() {
    }

    /**
     * Writes {@code DIR/ID.yaml}: {@code channels} simulated channels with {@code window} windows, the
     * given brokers, the status page on a free port, status every 500 ms unless {@code mqttExtra} (", key: value" pairs) says otherwise.
     */
    static Path config(Path dir, String id, List<String> brokers, int channels, String window, String mqttExtra)
            throws Exception {
        return config(dir, id, brokers, 500, channels, window, mqttExtra);
    }

    /** As above, with the simulated sensor at {@code rate} readings/s instead of 500. */
    static Path config(Path dir, String id, List<String> brokers, int rate, int channels, String window,
                       String mqttExtra) throws Exception {
        StringBuilder ch = new StringBuilder();
        for (int i = 0; i < channels; i++) {
            ch.append("      - {id: c").append(i).append(", window: ").append(window).append("}\n");
        }
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, """
                gateway: {id: %s}
                mqtt: {broker: [%s], version: 3.1.1%s}
                outbox: {path: state/outbox}
                http: {listen: "127.0.0.1:0"}
                sensors:
                  - id: s1
                    driver: simulated
                    params: {rate: %d}
                    channels:
                %s""".formatted(id, String.join(", ", brokers),
                mqttExtra.contains("status-interval") ? mqttExtra : ", status-interval: 500ms" + mqttExtra, rate, ch));
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

    /** The gateway's {@code /metrics} address, from its "status page on" log line. */
    static URI metrics(GatewayProcess gw) {
        Matcher m = STATUS_PAGE.matcher(gw.allOutput());
        if (!m.find()) {
            throw new AssertionError("no status page line in\n" + gw.allOutput());
        }
        return URI.create(m.group(1) + "/metrics");
    }

    /** One series' value from a {@code /metrics} exposition. */
    static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + exposition));
    }

    /** GETs {@code uri}'s body. */
    static String get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The node of the gateway's latest connection, or null before the first. */
    static String node(GatewayProcess gw) {
        List<Connect> c = connects(gw);
        return c.isEmpty() ? null : c.get(c.size() - 1).uri();
    }
}
