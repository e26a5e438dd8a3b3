package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptance test: a steady stream, the broker away for 30 s, back on the same port;
 * the subscriber must end up with every seq, no gaps (duplicates allowed and counted).
 */
class BrokerOutageIT {
    private static final Logger log = LoggerFactory.getLogger(BrokerOutageIT.class);

    @TempDir
    Path dir;

    @Test
    void aThirtySecondOutageLosesNothing() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), GatewaySide.TOPIC, true);
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
            AtomicLong lastSeq = new AtomicLong();
            // One thread appends, like the stream consumer: 20 aggregates/s.
            ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
            stream.scheduleAtFixedRate(() -> lastSeq.set(gw.append().seq()), 0, 50, TimeUnit.MILLISECONDS);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> sub.seqs().size() >= 100);

                broker.stop();
                long before = gw.outbox.stats().depth();
                Thread.sleep(30_000);
                long during = gw.outbox.stats().depth();
                assertThat(during).as("the outbox holds the outage's aggregates").isGreaterThan(before + 400);

                broker.start();
                Thread.sleep(5_000);
            } finally {
                stream.shutdown();
                stream.awaitTermination(5, TimeUnit.SECONDS);
            }
            long last = lastSeq.get();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> new TreeSet<>(sub.seqs()).size() >= last);

            List<Long> seqs = sub.seqs();
            TreeSet<Long> distinct = new TreeSet<>(seqs);
            assertThat(distinct.first()).isEqualTo(1);
            assertThat(distinct.last()).isEqualTo(last);
            assertThat(distinct).hasSize((int) last);
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.outbox.stats().depth() == 0);
            log.info("outage test: {} aggregates, {} received, {} duplicates, outbox {}, publisher {}", last,
                    seqs.size(), seqs.size() - distinct.size(), gw.outbox.stats(), gw.publisher.stats());
        }
    }
}
