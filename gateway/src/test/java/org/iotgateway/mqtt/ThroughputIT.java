package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures, does not judge: a burst through outbox + QoS 1 publisher to a loopback broker. */
class ThroughputIT {
    private static final Logger log = LoggerFactory.getLogger(ThroughputIT.class);
    private static final int N = 10_000;

    @TempDir
    Path dir;

    @Test
    void aBurstDrainsCompletely() {
        try (MosquittoBroker broker = MosquittoBroker.started();
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.publisher.stats().connected());
            long t0 = System.nanoTime();
            for (int i = 0; i < N; i++) {
                gw.append();
            }
            long appendNanos = System.nanoTime() - t0;
            await().atMost(Duration.ofSeconds(120)).until(() -> gw.outbox.stats().committed() == N);
            long commitNanos = System.nanoTime() - t0;
            await().atMost(Duration.ofSeconds(120)).until(() -> gw.outbox.stats().acked() == N);
            long ackNanos = System.nanoTime() - t0;
            assertThat(gw.outbox.stats().queueFullDrops()).isZero();
            log.info("{} aggregates: append {} µs each; all committed after {} ms ({} batches); all acked after {} ms"
                    + " ({} msg/s at max-inflight 20)", N, appendNanos / 1000 / N, commitNanos / 1_000_000,
                    gw.outbox.stats().batches(), ackNanos / 1_000_000, (long) (N / (ackNanos / 1e9)));
        }
    }
}
