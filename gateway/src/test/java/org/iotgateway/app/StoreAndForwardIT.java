package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The store-and-forward acceptance tests through the real process at ~400 aggregates/s:
 * SIGKILL at random points during an outage and during the drain, a 60 s outage, a flapping broker.
 * The broker is persistent and the subscriber durable, so what the subscriber misses is ours.
 */
class StoreAndForwardIT {
    private static final Logger log = LoggerFactory.getLogger(StoreAndForwardIT.class);

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomPointsDuringAnOutageAndTheDrainLosesNoCommittedSeq() throws Exception {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        try (MosquittoBroker broker = MosquittoBroker.persistent()) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            int kills = 0;
            for (int i = 0; i < 6; i++) { // broker down: the backlog only grows
                kills += runAndKill(cfg, 400 + rnd.nextInt(1600));
            }
            broker.start();
            try (TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS, true)) {
                for (int i = 0; i < 6; i++) { // broker up: killed while draining, mid-flight
                    kills += runAndKill(cfg, 300 + rnd.nextInt(1200));
                }
                runToDrainedAndStop(cfg);
                FastGateway.Owed owed = FastGateway.owed(dir);
                // Each SIGKILL leaves a recorded crash range: not every seq up to the last will arrive.
                await().atMost(Duration.ofSeconds(30)).until(() -> owed.accountsFor(FastGateway.dedup(sub).keySet()));
                TreeMap<Long, String> seen = FastGateway.dedup(sub);
                log.info("crash test (seed {}): {} SIGKILLs, last seq {}, {} received, {} distinct, {} still pending",
                        seed, kills, owed.lastSeq(), sub.all().size(), seen.size(), owed.pending().size());
                assertThat(kills).isGreaterThanOrEqualTo(10);
                owed.assertAllAccountedFor(seen.keySet());
                assertThat(owed.pending()).as("drained after 8 s connected").hasSizeLessThan(1_000);
            }
        }
    }

    @Test
    void aSixtySecondOutageAtFourHundredPerSecondArrivesInOrderWithoutGap() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS, true)) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            try (GatewayProcess gw = started(cfg)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sub.seqs().size() >= 400);
                broker.stop();
                Thread.sleep(60_000);
                int beforeReconnect = FastGateway.dedup(sub).size();
                broker.start();
                // The reconnect backoff has grown to its 30 s cap during the outage; then the drain.
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> FastGateway.dedup(sub).size() > beforeReconnect + 60 * 200);
                Thread.sleep(3_000);
                assertThat(gw.stop()).isIn(0, 143);
                FastGateway.Owed owed = FastGateway.owed(dir);
                long last = owed.lastSeq();
                assertThat(last).as("~400/s for 60 s").isGreaterThan(60 * 200);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> FastGateway.dedup(sub).size() + owed.pending().size() >= last);
                owed.assertAllAccountedFor(FastGateway.dedup(sub).keySet());
                assertThat(owed.pending()).as("drained").hasSizeLessThan(1_000);
                List<Long> order = FastGateway.firstArrivals(sub);
                assertThat(order).as("first arrivals in seq order").isSorted();
                log.info("60 s outage: last seq {}, {} received", last, sub.all().size());
            }
        }
    }

    @Test
    void aBrokerRestartedEveryTwoSecondsForFortySecondsLosesNothing() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS, true)) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            try (GatewayProcess gw = started(cfg)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> sub.seqs().size() >= 400);
                for (int i = 0; i < 20; i++) {
                    // The gateway's session (clean) is lost on every restart; its in-flight window is resent.
                    broker.stop();
                    Thread.sleep(300);
                    broker.start();
                    Thread.sleep(1_700);
                }
                Thread.sleep(3_000);
                assertThat(gw.stop()).isIn(0, 143);
                FastGateway.Owed owed = FastGateway.owed(dir);
                long last = owed.lastSeq();
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> FastGateway.dedup(sub).size() + owed.pending().size() >= last);
                owed.assertAllAccountedFor(FastGateway.dedup(sub).keySet());
                assertThat(owed.pending()).as("drained").hasSizeLessThan(1_000);
                assertThat(FastGateway.firstArrivals(sub)).isSorted();
                log.info("flapping: last seq {}, {} received ({} duplicates)", last, sub.all().size(),
                        sub.all().size() - last);
            }
        }
    }

    /**
     * Starts the gateway and waits for its "running" line: JVM start-up takes seconds on a loaded
     * 2-core machine, and a kill before the outbox opened would test nothing.
     */
    private GatewayProcess started(Path cfg) throws Exception {
        GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString());
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> gw.stderr().stream().anyMatch(l -> l.contains("Gateway: gateway " + FastGateway.ID + " running")));
        } catch (RuntimeException | Error e) {
            gw.close(); // not yet in the caller's try-with-resources: it would run on after the test
            throw e;
        }
        Thread.sleep(200); // RunCommand installs its shutdown hook just after that line
        return gw;
    }

    /** @return 1 once the process was SIGKILLed while running */
    private int runAndKill(Path cfg, long millis) throws Exception {
        try (GatewayProcess gw = started(cfg)) {
            Thread.sleep(millis);
            assertThat(gw.isAlive()).as(String.join("\n", gw.stderr())).isTrue();
            gw.kill();
            return 1;
        }
    }

    /** Runs until the outbox is empty and the broker has everything, then stops gracefully. */
    /** Runs 8 s with the broker up (the drain), then SIGTERM. */
    private void runToDrainedAndStop(Path cfg) throws Exception {
        try (GatewayProcess gw = started(cfg)) {
            Thread.sleep(8_000);
            assertThat(gw.stop()).isIn(0, 143);
        }
    }
}
