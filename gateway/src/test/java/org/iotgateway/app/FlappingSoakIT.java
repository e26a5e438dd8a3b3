package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.TreeMap;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long chaos run behind {@code -Psoak} ({@code scripts/test.sh --soak}): for
 * {@code -Dsoak.seconds} (default 600) at ~400 aggregates/s, the broker is restarted at random
 * (down 0.2–3 s, up 0.5–4 s), now and then stays down 15–40 s, and the gateway is SIGKILLed and
 * restarted about once a minute. At the end every committed seq has reached the durable subscriber,
 * is still pending in the outbox, or lies in a loss the outbox's ledger recorded (the long outages
 * outgrow max-bytes, so the oldest are evicted, and some evictions are cut off by a SIGKILL a moment
 * later: the ledger, written with the delete, must still have them); first arrivals are in seq
 * order, and the outbox file stayed within its limit plus H2's slack. The seed is logged so a
 * failure can be replayed.
 */
class FlappingSoakIT {
    private static final Logger log = LoggerFactory.getLogger(FlappingSoakIT.class);
    private static final long MAX_BYTES = 8_000_000;

    @TempDir
    Path dir;

    @Test
    void tenMinutesOfFlappingBrokerAndCrashingGatewayLosesNothing() throws Exception {
        long seconds = Long.getLong("soak.seconds", 600);
        long seed = Long.getLong("soak.seed", System.nanoTime());
        Random rnd = new Random(seed);
        log.info("flapping soak: {} s, seed {}", seconds, seed);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        int restarts = 0;
        int longOutages = 0;
        int kills = 0;
        long maxFileBytes = 0;
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS, true)) {
            Path cfg = FastGateway.config(dir, broker.uri(), ", max-bytes: " + MAX_BYTES);
            GatewayProcess gw = started(cfg);
            long nextKill = System.nanoTime() + Duration.ofSeconds(30 + rnd.nextInt(60)).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    broker.stop();
                    boolean longOutage = rnd.nextInt(20) == 0;
                    Thread.sleep(longOutage ? 15_000 + rnd.nextInt(25_000) : 200 + rnd.nextInt(2_800));
                    broker.start();
                    restarts++;
                    longOutages += longOutage ? 1 : 0;
                    Thread.sleep(500 + rnd.nextInt(3_500));
                    maxFileBytes = Math.max(maxFileBytes, outboxFileBytes());
                    if (System.nanoTime() > nextKill) {
                        assertThat(gw.isAlive()).as(gw.allOutput()).isTrue();
                        gw.kill();
                        keepLog(gw);
                        kills++;
                        gw = started(cfg);
                        nextKill = System.nanoTime() + Duration.ofSeconds(30 + rnd.nextInt(60)).toNanos();
                    }
                }
                Thread.sleep(10_000); // connected: the backlog drains
                assertThat(gw.isAlive()).as(gw.allOutput()).isTrue();
                assertThat(gw.stop()).isIn(0, 143);
            } finally {
                gw.close();
                keepLog(gw);
            }
            FastGateway.Owed owed = FastGateway.owed(dir);
            long last = owed.lastSeq();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> owed.accountsFor(FastGateway.dedup(sub).keySet()));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                log.error("not everything arrived within 60 s; the check below names what is missing");
            }
            TreeMap<Long, String> seen = FastGateway.dedup(sub);
            log.info("flapping soak (seed {}): {} s, {} broker restarts ({} long outages), {} gateway SIGKILLs, "
                            + "last seq {}, {} received, {} distinct, {} pending, {} lost in {} recorded losses (evicted: the"
                            + " long outages outgrow max-bytes), max outbox file {} bytes (limit {})",
                    seed, seconds, restarts, longOutages, kills, last, sub.all().size(), seen.size(),
                    owed.pending().size(), owed.lost(), owed.losses().size(), maxFileBytes, MAX_BYTES);
            assertThat(last).as("~400 aggregates/s").isGreaterThan(seconds * 100);
            owed.assertAllAccountedFor(seen.keySet());
            assertThat(FastGateway.firstArrivals(sub)).as("first arrivals in seq order").isSorted();
            assertThat(owed.pending()).as("drained after 10 s connected").hasSizeLessThan(2_000);
            // H2 keeps superseded chunks for a while before it reuses their space; see gateway/docs/delivery.md, "The file stays within max-bytes".
            assertThat(maxFileBytes).as("outbox file size").isLessThan(3 * MAX_BYTES);
        }
    }

    /** Every run's output goes to target/flapping-soak-gateway.log: a failure is diagnosed from it. */
    private static void keepLog(GatewayProcess gw) throws Exception {
        Files.writeString(Path.of("target/flapping-soak-gateway.log"), "=== gateway pid " + gw.pid() + "\n"
                + gw.allOutput() + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private long outboxFileBytes() throws Exception {
        Path file = dir.resolve("state/outbox.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private GatewayProcess started(Path cfg) throws Exception {
        GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> gw.stderr().stream()
                .anyMatch(l -> l.contains("Gateway: gateway " + FastGateway.ID + " running")));
        return gw;
    }
}
