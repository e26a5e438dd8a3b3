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

/** Measures, does not judge: bursts through outbox + QoS 1 publisher to a loopback broker (cold, then warm). */
class ThroughputIT {
    private static final Logger log = LoggerFactory.getLogger(ThroughputIT.class);
    private static final int N = 10_000;

    @TempDir
    Path dir;

    @Test
    void burstsDrainCompletely() {
        try (MosquittoBroker broker = MosquittoBroker.started();
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 1, 100)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.publisher.stats().connected());
            for (int round = 1; round <= 3; round++) {
                long target = (long) round * N;
                long batches0 = gw.outbox.stats().batches();
                long t0 = System.nanoTime();
                for (int i = 0; i < N; i++) {
                    gw.append();
                }
                long appendNanos = System.nanoTime() - t0;
                await().atMost(Duration.ofSeconds(120)).until(() -> gw.outbox.stats().committed() == target);
                long commitNanos = System.nanoTime() - t0;
                await().atMost(Duration.ofSeconds(120)).until(() -> gw.outbox.stats().acked() == target);
                long ackNanos = System.nanoTime() - t0;
                log.info("round {}: {} aggregates, append {} µs each; committed after {} ms ({} batches); acked after"
                        + " {} ms = {} msg/s (max-inflight 100)", round, N, appendNanos / 1000 / N,
                        commitNanos / 1_000_000, gw.outbox.stats().batches() - batches0, ackNanos / 1_000_000,
                        (long) (N / (ackNanos / 1e9)));
            }
            assertThat(gw.outbox.stats().queueFullDrops()).isZero();
        }
    }
}
