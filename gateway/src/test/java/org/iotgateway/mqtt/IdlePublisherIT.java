package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.testing.ThreadSwitches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With nothing to publish the publisher thread sleeps, connected or not, and the outbox writer
 * with it; what wakes them still does: a commit, the broker coming back, an acknowledgement. The
 * old loops woke every 200 ms (commit wait) and every 50 ms (no session), the writer every 200 ms.
 */
class IdlePublisherIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void idleThreadsSleepConnectedAndDisconnectedAndWakeForWork() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), GatewaySide.TOPIC, true);
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
            gw.append();
            await().atMost(WAIT).until(() -> sub.seqs().size() == 1);
            await().atMost(WAIT).until(() -> gw.outbox.stats().depth() == 0);

            long publisher = ThreadSwitches.during("mqtt-publisher", ThreadSwitches.sleeping(2_000));
            long writer = ThreadSwitches.during("outbox-writer", ThreadSwitches.sleeping(2_000));
            assertThat(publisher).as("connected idle publisher wake-ups in 2 s (10 when it polled)").isLessThanOrEqualTo(2);
            assertThat(writer).as("idle writer wake-ups in 2 s (10 when it polled)").isLessThanOrEqualTo(2);

            broker.stop();
            await().atMost(WAIT).until(() -> !gw.publisher.stats().connected());
            long disconnected = ThreadSwitches.during("mqtt-publisher", ThreadSwitches.sleeping(2_000));
            assertThat(disconnected).as("disconnected publisher wake-ups in 2 s (40 when it polled)")
                    .isLessThanOrEqualTo(2);

            gw.append();
            await().atMost(WAIT).until(() -> gw.outbox.stats().committed() == 2);
            broker.start();
            // The new session wakes the loop, which sends what the outbox holds.
            await().atMost(Duration.ofSeconds(60)).until(() -> sub.seqs().size() == 2);
            await().atMost(WAIT).until(() -> gw.outbox.stats().depth() == 0);
            assertThat(sub.seqs()).containsExactly(1L, 2L);
        }
    }
}
