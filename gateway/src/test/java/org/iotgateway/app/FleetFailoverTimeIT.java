package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The failover time of one real gateway (~400 aggregates/s, the three nodes of a real RabbitMQ
 * cluster): five times, the node it is on is SIGKILLed, and the time from the kill to the first
 * PUBACK from another node is taken from its {@code /metrics}, polled every 10 ms (the published
 * counter stands still from the moment the gateway sees the connection gone until a PUBACK arrives
 * on the next one); the node is restarted before the next round. The median is logged, not
 * asserted (a loaded machine stretches it); what is asserted is that each time it moved to a live
 * node and that at the end every seq was received, pending or counted. Slow (each restart of a node
 * takes 30-50 s): in the fleet profile.
 */
class FleetFailoverTimeIT {
    private static final Logger log = LoggerFactory.getLogger(FleetFailoverTimeIT.class);
    private static final String ID = "ft-gw";
    private static final int ROUNDS = 5;

    @TempDir
    Path dir;

    @Test
    void fiveNodeCrashesEachEndInAPubackFromALiveNode() throws Exception {
        try (RabbitCluster cluster = RabbitCluster.start(dir.resolve("cluster"), 3);
             TestSubscriber sub = TestSubscriber.subscribe(cluster.mqttUris(), "sensors/" + ID + "/#", true)) {
            Path cfg = Files.writeString(dir.resolve("gateway.yaml"), """
                    gateway: {id: %s}
                    mqtt: {broker: [%s], version: 3.1.1, status-interval: 1s}
                    outbox: {path: state/outbox}
                    http: {listen: "127.0.0.1:0"}
                    sensors:
                      - id: s1
                        driver: simulated
                        params: {rate: 500}
                        channels: [{id: c0, window: 10ms}, {id: c1, window: 10ms}, {id: c2, window: 10ms},
                                   {id: c3, window: 10ms}]
                    """.formatted(ID, String.join(", ", cluster.mqttUris())));
            GatewayProcess gw = ClusterGateway.start(dir, cfg, ID, List.of());
            List<Long> toPuback = new ArrayList<>();
            List<Long> toConnack = new ArrayList<>();
            try {
                URI metrics = ClusterGateway.metrics(gw);
                await().atMost(Duration.ofSeconds(60)).until(() -> metric(metrics, "iotgateway_outbox_published_total")
                        > 1_000);
                for (int round = 1; round <= ROUNDS; round++) {
                    String node = ClusterGateway.node(gw);
                    RabbitNode victim = cluster.byUri(node);
                    double failovers = metric(metrics, "iotgateway_broker_failovers_total");
                    int connects = ClusterGateway.connects(gw).size();
                    java.time.LocalTime killedAt = java.time.LocalTime.now();
                    long killed = System.nanoTime();
                    victim.kill();
                    long puback = firstPubackElsewhere(metrics, killed, failovers);
                    toPuback.add(puback);
                    await().atMost(Duration.ofSeconds(10)).until(() -> ClusterGateway.connects(gw).size() > connects);
                    ClusterGateway.Connect c = ClusterGateway.connects(gw).get(connects);
                    assertThat(c.uri()).as("round %d: reconnected to a live node", round).isNotEqualTo(node);
                    toConnack.add(Duration.between(killedAt, c.at()).toMillis());
                    log.info("round {}: {} killed; CONNACK from {} after {} ms, first PUBACK after {} ms", round,
                            victim.name(), c.uri(), toConnack.get(round - 1), puback);
                    victim.start();
                }
                log.info("failover after a node SIGKILL, {} rounds: kill -> first PUBACK from another node {} ms"
                        + " (median {} ms); kill -> CONNACK {} ms (median {} ms)", ROUNDS, toPuback,
                        median(toPuback), toConnack, median(toConnack));
                assertThat(gw.stop()).isIn(0, 143);
            } finally {
                gw.close();
                ClusterGateway.keepLog(gw, "fleet-failover-time-gateway");
            }
            FastGateway.Owed owed = FastGateway.owed(dir.resolve("state/outbox"), ID);
            await().atMost(Duration.ofSeconds(60)).until(() -> FastGateway.dedup(sub, ID).size() + owed.pending().size()
                    >= owed.lastSeq());
            owed.assertAllAccountedFor(FastGateway.dedup(sub, ID).keySet());
            assertThat(owed.lost()).as("no loss recorded").isZero();
        }
    }

    /**
     * Polls {@code /metrics} until the gateway has seen the connection gone (connected 0; the
     * published count then stands still), then until it failed over and the count moved again:
     * returns the milliseconds from {@code killedNanos} to that poll.
     */
    private static long firstPubackElsewhere(URI metrics, long killedNanos, double failoversBefore) throws Exception {
        long deadline = killedNanos + Duration.ofSeconds(90).toNanos();
        double published = -1;
        while (System.nanoTime() < deadline) {
            String m = get(metrics);
            if (published < 0 && value(m, "iotgateway_broker_connected") == 0) {
                published = value(m, "iotgateway_outbox_published_total");
            } else if (published >= 0 && value(m, "iotgateway_broker_failovers_total") > failoversBefore
                    && value(m, "iotgateway_outbox_published_total") > published) {
                return (System.nanoTime() - killedNanos) / 1_000_000;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no PUBACK from another node within 90 s of the kill");
    }

    private static double metric(URI metrics, String series) throws Exception {
        return value(get(metrics), series);
    }

    private static String get(URI uri) throws Exception {
        return ClusterGateway.get(uri);
    }

    private static double value(String exposition, String series) {
        return ClusterGateway.value(exposition, series);
    }

    private static long median(List<Long> v) {
        return Math.round(ProcessUsage.median(v.stream().map(Long::doubleValue).toList()));
    }
}
