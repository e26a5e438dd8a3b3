package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.ProcessUsage;
import org.iotgateway.testing.RabbitCluster;
import org.iotgateway.testing.RabbitNode;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet: 20 real gateway processes (the jar, -Xmx32m each, each its own id and outbox, ~10
 * aggregates/s each) on a 3-node RabbitMQ cluster; the node with the most gateways is SIGKILLed
 * mid-run and restarted. Every gateway's seq stream must be complete at the durable (quorum-queue)
 * subscriber, or pending, or counted; the crashed node's gateways must reconnect to the survivors,
 * not in lock-step. Logs the figures the Fleets page's sizing table is built from: the reconnect
 * spread, per-gateway RSS and CPU. Long (about 6 minutes on two loaded cores): behind {@code -Pfleet}
 * or {@code -Psoak} ({@code scripts/test.sh --fleet}).
 */
class FleetIT {
    private static final Logger log = LoggerFactory.getLogger(FleetIT.class);
    private static final int GATEWAYS = 20;
    /** What the service gives the JVM (systemd/iot-gateway.service), with the fleet's smaller heap. */
    private static final List<String> JVM = List.of("-Xmx32m", "-Xss512k", "-XX:+UseSerialGC", "-XX:-UsePerfData");
    private static final Duration MEASURE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void twentyGatewaysRideOutANodeCrashWithEveryStreamComplete() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= GATEWAYS; i++) {
            ids.add("fleet-%02d".formatted(i));
        }
        List<GatewayProcess> gws = new ArrayList<>();
        try (RabbitCluster cluster = RabbitCluster.start(dir.resolve("cluster"), 3);
             TestSubscriber sub = TestSubscriber.subscribe(cluster.mqttUris(), "sensors/#", true)) {
            List<Long> nodePids = cluster.nodes().stream().map(RabbitNode::pid).toList();
            List<Double> nodeRssIdle = ProcessUsage.rssMb(nodePids);
            try {
                for (String id : ids) {
                    Path home = Files.createDirectories(dir.resolve(id));
                    // A sensor at 20 readings/s, 2 channels of 200 ms windows: 10 aggregates/s; the first
                    // connect within 10 s of start.
                    Path cfg = ClusterGateway.config(home, id, cluster.mqttUris(), 20, 2, "200ms",
                            ", connect-delay: 10s, status-interval: 10s");
                    gws.add(GatewayProcess.startWith(home, JVM, List.of(), "run", "--config", cfg.toString()));
                }
                try {
                    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> ids.stream()
                            .allMatch(id -> FastGateway.dedup(sub, id).size() >= 50));
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError("not every gateway's aggregates reach the subscriber: " + ids.stream()
                            .collect(Collectors.toMap(id -> id, id -> FastGateway.dedup(sub, id).size(), (a, b) -> a,
                                    TreeMap::new)) + ", " + sub.all().size() + " messages received in all; connects "
                            + gws.stream().map(g -> ClusterGateway.connects(g).size()).toList(), e);
                }
                Map<String, List<String>> byNode = byNode(ids, gws);
                log.info("fleet: gateways per node after start {}", counts(byNode));
                assertThat(byNode).as("a fleet spreads over the nodes").hasSizeGreaterThanOrEqualTo(2);

                // One window for the gateways and the nodes: the sizing inputs.
                List<Long> pids = new ArrayList<>(gws.stream().map(GatewayProcess::pid).toList());
                pids.addAll(nodePids);
                long aggregatesBefore = received(sub, ids);
                int messagesBefore = sub.all().size();
                ProcessUsage all = ProcessUsage.sample(pids, MEASURE);
                long aggregateRate = (received(sub, ids) - aggregatesBefore) * 1000 / MEASURE.toMillis();
                long messageRate = (sub.all().size() - messagesBefore) * 1000L / MEASURE.toMillis();
                ProcessUsage gateways = new ProcessUsage(all.seconds(), all.cpu().subList(0, GATEWAYS),
                        all.rssMb().subList(0, GATEWAYS));
                ProcessUsage brokers = new ProcessUsage(all.seconds(), all.cpu().subList(GATEWAYS, pids.size()),
                        all.rssMb().subList(GATEWAYS, pids.size()));
                String usage = "gateways: " + gateways;
                log.info("fleet sizing inputs: {}; broker nodes: {} (idle before the fleet: RSS {} MB); {} aggregates/s,"
                        + " {} messages/s in all (status included) published and as many delivered to the subscriber;"
                        + " {} connections (20 gateways, 1 subscriber); mean payload: aggregate {} bytes, status {} bytes",
                        usage, brokers, nodeRssIdle, aggregateRate, messageRate, GATEWAYS + 1, meanPayload(sub, false),
                        meanPayload(sub, true));

                // The node with the most gateways (at least 7 of 20) crashes.
                String busiest = byNode.entrySet().stream().max(Map.Entry.comparingByValue(
                        java.util.Comparator.comparingInt(List::size))).orElseThrow().getKey();
                RabbitNode crashed = cluster.byUri(busiest);
                List<Integer> moved = new ArrayList<>();
                for (int i = 0; i < GATEWAYS; i++) {
                    if (byNode.get(busiest).contains(ids.get(i))) {
                        moved.add(i);
                    }
                }
                int[] connectsBefore = gws.stream().mapToInt(g -> ClusterGateway.connects(g).size()).toArray();
                LocalTime killed = LocalTime.now();
                crashed.kill();
                await().atMost(Duration.ofSeconds(90)).until(() -> moved.stream()
                        .allMatch(i -> ClusterGateway.connects(gws.get(i)).size() > connectsBefore[i]));
                List<ClusterGateway.Connect> reconnects = moved.stream()
                        .map(i -> ClusterGateway.connects(gws.get(i)).get(connectsBefore[i])).toList();
                for (ClusterGateway.Connect c : reconnects) {
                    assertThat(c.uri()).as("reconnected to a surviving node").isNotEqualTo(busiest);
                    assertThat(c.from()).isEqualTo(busiest);
                }
                List<LocalTime> at = reconnects.stream().map(ClusterGateway.Connect::at).sorted().toList();
                long spreadMs = Duration.between(at.get(0), at.get(at.size() - 1)).toMillis();
                Map<String, Long> to = reconnects.stream().collect(Collectors.groupingBy(ClusterGateway.Connect::uri,
                        TreeMap::new, Collectors.counting()));
                log.info("fleet: {} gateways of {} reconnected to {}, {} ms to {} ms after the kill (spread {} ms):"
                        + " {}", reconnects.size(), crashed.name(), to, Duration.between(killed, at.get(0)).toMillis(),
                        Duration.between(killed, at.get(at.size() - 1)).toMillis(), spreadMs, at);
                // Lock-step would put them within a few ms; full jitter spreads them over ~1.5 s.
                assertThat(spreadMs).as("reconnects not in lock-step").isGreaterThanOrEqualTo(200);
                assertThat(byNode(ids, gws)).as("no gateway left on the dead node").doesNotContainKey(busiest);

                crashed.start();
                Thread.sleep(10_000);
                for (GatewayProcess g : gws) {
                    assertThat(g.stop()).as(g.allOutput()).isIn(0, 143);
                }
                for (GatewayProcess g : gws) {
                    assertThat(g.allOutput()).as("no false client id alarm").doesNotContain("client id '");
                }
                long total = 0;
                for (String id : ids) {
                    FastGateway.Owed owed = FastGateway.owed(dir.resolve(id).resolve("state/outbox"), id);
                    await().atMost(Duration.ofMinutes(3)).until(() -> FastGateway.dedup(sub, id).size()
                            + owed.pending().size() >= owed.lastSeq());
                    owed.assertAllAccountedFor(FastGateway.dedup(sub, id).keySet());
                    assertThat(owed.lost()).as(id + ": no loss recorded").isZero();
                    total += owed.lastSeq();
                }
                log.info("fleet: {} aggregates from {} gateways all accounted for; {}", total, GATEWAYS, usage);
            } finally {
                for (GatewayProcess g : gws) {
                    g.close();
                    ClusterGateway.keepLog(g, "fleet-gateways");
                }
            }
        }
    }

    /** Distinct aggregates received of all gateways. */
    private static long received(TestSubscriber sub, List<String> ids) {
        return ids.stream().mapToLong(id -> FastGateway.dedup(sub, id).size()).sum();
    }

    private static long meanPayload(TestSubscriber sub, boolean status) {
        return Math.round(sub.all().stream().filter(r -> r.topic().endsWith("/status") == status)
                .mapToInt(r -> r.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).average().orElse(0));
    }

    /** Gateway ids by the node of their latest connection. */
    private static Map<String, List<String>> byNode(List<String> ids, List<GatewayProcess> gws) {
        Map<String, List<String>> out = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            out.computeIfAbsent(ClusterGateway.node(gws.get(i)), k -> new ArrayList<>()).add(ids.get(i));
        }
        return out;
    }

    private static Map<String, Integer> counts(Map<String, List<String>> byNode) {
        Map<String, Integer> out = new TreeMap<>();
        byNode.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
