package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.RabbitCluster;
import org.iotgateway.testing.RabbitNode;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real gateway at ~300 aggregates/s given the three nodes of a real RabbitMQ cluster: the node
 * it is on is SIGKILLed, then (the first restarted) the node it failed over to, then the whole
 * cluster is stopped and started again. Each time it must move to a node that is up, and at the end every committed seq has
 * reached the durable subscriber (a quorum-queue session, which survives its node), is still pending
 * in the outbox or lies in a recorded loss. The failover times are logged, not asserted.
 */
class ClusterFailoverIT {
    private static final Logger log = LoggerFactory.getLogger(ClusterFailoverIT.class);
    private static final String ID = "cf-gw";

    @TempDir
    Path dir;

    @Test
    void aGatewayRidesOutTwoNodeCrashesAndAFullClusterRestartWithNothingLost() throws Exception {
        try (RabbitCluster cluster = RabbitCluster.start(dir.resolve("cluster"), 3);
             TestSubscriber sub = TestSubscriber.subscribe(cluster.mqttUris(), "sensors/" + ID + "/#", true)) {
            // 3 channels with 10 ms windows: ~300 aggregates/s.
            Path cfg = ClusterGateway.config(dir, ID, cluster.mqttUris(), 3, "10ms", "");
            List<String> times = new ArrayList<>();
            GatewayProcess gw = ClusterGateway.start(dir, cfg, ID, List.of());
            try {
                Supplier<Integer> received = () -> FastGateway.dedup(sub, ID).size();
                await().atMost(Duration.ofSeconds(60)).until(() -> received.get() >= 2_000);

                String first = ClusterGateway.node(gw);
                times.add(crash(gw, cluster.byUri(first), received));
                cluster.byUri(first).start();
                String second = ClusterGateway.node(gw);
                assertThat(second).isNotEqualTo(first);
                times.add(crash(gw, cluster.byUri(second), received));
                String third = ClusterGateway.node(gw);
                assertThat(third).isNotEqualTo(second);
                cluster.byUri(second).start();

                // The whole cluster restarted: the outbox holds everything until a node answers again.
                int connects = ClusterGateway.connects(gw).size();
                LocalTime down = LocalTime.now();
                cluster.restartAll();
                LocalTime up = LocalTime.now();
                await().atMost(Duration.ofMinutes(5)).until(() -> ClusterGateway.connects(gw).size() > connects);
                ClusterGateway.Connect back = ClusterGateway.connects(gw).get(connects);
                times.add("whole cluster restarted: back on " + back.uri() + " " + Duration.between(down, back.at())
                        .toMillis() + " ms after the stop began, " + Duration.between(up, back.at()).toMillis()
                        + " ms after every node's MQTT port was open again");
                log.info("{}", times.get(times.size() - 1));
                // The backlog of the restart (~2 min of aggregates) drains: the gateway's outbox depth on
                // /metrics (the subscriber may lag behind) falls below a second's worth (what is in flight
                // at ~300/s). At what the loaded machine gives it: minutes.
                java.net.URI metrics = ClusterGateway.metrics(gw);
                await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        ClusterGateway.value(ClusterGateway.get(metrics), "iotgateway_outbox_depth") < 300);
                assertThat(gw.stop()).isIn(0, 143);
                assertThat(gw.allOutput()).as("no false client id alarm").doesNotContain("client id '");
            } finally {
                gw.close();
                ClusterGateway.keepLog(gw, "cluster-failover-gateway");
            }
            FastGateway.Owed owed = FastGateway.owed(dir.resolve("state/outbox"), ID);
            long last = owed.lastSeq();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    FastGateway.dedup(sub, ID).size() + owed.pending().size() >= last);
            TreeMap<Long, String> seen = FastGateway.dedup(sub, ID);
            owed.assertAllAccountedFor(seen.keySet());
            assertThat(owed.lost()).as("no loss recorded").isZero();
            assertThat(owed.pending()).as("drained").hasSizeLessThan(1_000);
            log.info("cluster failover: last seq {}, {} received ({} distinct), {} pending; {}", last, sub.all().size(),
                    seen.size(), owed.pending().size(), times);
        }
    }

    /** SIGKILLs the gateway's node; returns once it published through another one again. */
    private static String crash(GatewayProcess gw, RabbitNode node, Supplier<Integer> received) throws Exception {
        int connectsBefore = ClusterGateway.connects(gw).size();
        LocalTime killed = LocalTime.now();
        node.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> ClusterGateway.connects(gw).size() > connectsBefore);
        ClusterGateway.Connect c = last(gw);
        assertThat(c.uri()).as("reconnected to a live node").isNotEqualTo(node.mqttUri());
        assertThat(c.from()).isEqualTo(node.mqttUri());
        int now = received.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get() > now + 1_000);
        String time = node.name() + " killed: on " + c.uri() + " after " + Duration.between(killed, c.at()).toMillis()
                + " ms";
        log.info("{}", time);
        return time;
    }

    private static ClusterGateway.Connect last(GatewayProcess gw) {
        List<ClusterGateway.Connect> c = ClusterGateway.connects(gw);
        return c.get(c.size() - 1);
    }
}
