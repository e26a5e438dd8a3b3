package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.SmallFileSystem;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real gateway process at ~400 aggregates/s with its outbox on a small real file system
 * (tmpfs, or a loop-mounted ext4 image) that the test fills up: live aggregates keep reaching the
 * broker, the status topic says so and counts them, and when space returns the outbox is back
 * (a broker outage after that is held and drained in order). A SIGKILL while the disk is full
 * does not let the next run reuse a seq that was published without being stored.
 */
class FullDiskIT {
    private static final Logger log = LoggerFactory.getLogger(FullDiskIT.class);
    private static final String STATUS = "sensors/" + FastGateway.ID + "/status";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static SmallFileSystem fs;

    @BeforeAll
    static void mount() throws Exception {
        fs = SmallFileSystem.mount(Files.createTempDirectory("full-disk"), 16_000_000);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (fs != null) {
            fs.close();
        }
    }

    @Test
    void liveAggregatesFlowWhileTheDiskIsFullAndTheOutboxIsBackWhenSpaceReturns() throws Exception {
        Path dir = Files.createDirectories(fs.dir().resolve("live"));
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/" + FastGateway.ID + "/#", true)) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            String lastStatus;
            GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString());
            try (gw) {
                long filled = fillOnceFlowing(sub);
                await().atMost(WAIT).until(() -> status(sub).contains("\"store\":\"unusable\""));
                int atFull = FastGateway.dedup(sub).size();
                await().atMost(WAIT).until(() -> FastGateway.dedup(sub).size() >= atFull + 800);
                await().atMost(WAIT).until(() -> counter(status(sub), "published-unstored") >= 400);
                assertThat(status(sub)).as("still full").contains("\"store\":\"unusable\"");
                log.info("filled {} bytes; while full: {}", filled, status(sub));

                fs.free();
                await().atMost(WAIT).until(() -> status(sub).contains("\"store\":\"ok\""));
                int beforeOutage = FastGateway.dedup(sub).size();
                broker.stop();
                Thread.sleep(3_000);
                broker.start();
                await().atMost(WAIT).until(() -> FastGateway.dedup(sub).size() >= beforeOutage + 3 * 300);
                lastStatus = status(sub);
                assertThat(gw.stop()).isIn(0, 143);
            } catch (AssertionError | RuntimeException e) {
                log.error("status {}\n{}", status(sub), gw.allOutput());
                throw e;
            }
            log.info("after the recovery and an outage: {}", lastStatus);
            assertThat(counter(lastStatus, "lost-unstored")).isZero();
            assertThat(counter(lastStatus, "dropped-queue-full")).isZero();
            FastGateway.Owed owed = FastGateway.owed(dir);
            await().atMost(WAIT).until(() -> FastGateway.dedup(sub).size() + owed.pending().size() >= owed.lastSeq());
            TreeMap<Long, String> seen = FastGateway.dedup(sub);
            owed.assertAllAccountedFor(seen.keySet());
            assertThat(FastGateway.firstArrivals(sub)).as("first arrivals in seq order").isSorted();
            String err = String.join("\n", gw.stderr());
            assertNoThreadDied(err);
            assertThat(count(err, "ERROR StoreOutage: outbox store unusable (")).as(err).isEqualTo(1);
            assertThat(count(err, "WARN  StoreOutage: outbox store usable again")).as(err).isEqualTo(1);
        }
    }

    @Test
    void aSigkillWhileTheDiskIsFullNeverLetsTheNextRunReuseASeqPublishedFromMemory() throws Exception {
        Path dir = Files.createDirectories(fs.dir().resolve("crash"));
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/" + FastGateway.ID + "/#", true)) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            long highestBeforeKill;
            GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString());
            try (gw) {
                fillOnceFlowing(sub);
                await().atMost(WAIT).failFast(() -> !gw.isAlive())
                        .until(() -> counter(status(sub), "published-unstored") >= 400);
                gw.kill();
                highestBeforeKill = FastGateway.dedup(sub).lastKey();
            } catch (AssertionError | RuntimeException e) {
                log.error("first run: status {}\n{}", status(sub), gw.allOutput());
                throw e;
            } finally {
                fs.free();
            }
            int beforeRestart = FastGateway.dedup(sub).size();
            try (GatewayProcess again = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(WAIT).until(() -> FastGateway.dedup(sub).size() >= beforeRestart + 400);
                assertThat(again.stop()).isIn(0, 143);
                assertThat(String.join("\n", again.stderr())).contains("seq resumes at");
                assertNoThreadDied(gw.allOutput() + again.allOutput());
            }
            // dedup fails if any seq arrived with two different payloads, i.e. was reused.
            TreeMap<Long, String> seen = FastGateway.dedup(sub);
            assertThat(seen.lastKey()).isGreaterThan(highestBeforeKill);
            List<Long> afterRestart = seen.tailMap(highestBeforeKill, false).keySet().stream().toList();
            log.info("highest seq before the SIGKILL {}, first after the restart {}", highestBeforeKill,
                    afterRestart.get(0));
        }
    }

    /** Fills the file system once the subscriber has seen a second of the gateway's aggregates. */
    private static long fillOnceFlowing(TestSubscriber sub) throws Exception {
        await().atMost(WAIT).until(() -> FastGateway.dedup(sub).size() >= 400);
        return fs.fill();
    }

    /** A publisher thread once died here (an exception nobody caught) and the test only timed out. */
    private static void assertNoThreadDied(String output) {
        assertThat(output).doesNotContain("Exception in thread").doesNotContain("publisher loop failed");
    }

    /** The latest retained-or-live status payload, or "". */
    private static String status(TestSubscriber sub) {
        List<TestSubscriber.Received> l = sub.messages(STATUS);
        return l.isEmpty() ? "" : l.get(l.size() - 1).payload();
    }

    private static long counter(String status, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
