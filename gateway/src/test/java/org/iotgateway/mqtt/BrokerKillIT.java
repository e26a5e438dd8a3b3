package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker crash (SIGKILL) mid-burst: publishes in flight have an unknown fate, so their rows must
 * stay and be resent after the restart until every row is acknowledged.
 */
class BrokerKillIT {
    @TempDir
    Path dir;

    /** Below the outbox queue's 16384 so a cold JVM's first commits cannot cause drops. */
    @Test
    void rowsInFlightWhenTheBrokerDiesAreResentAfterItReturns() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.publisher.stats().connected());
            for (int i = 0; i < 10_000; i++) {
                gw.append();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> gw.outbox.stats().acked() > 0);
            broker.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> !gw.publisher.stats().connected());
            assertThat(gw.outbox.stats().depth()).isPositive();

            broker.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> gw.outbox.stats().depth() == 0);
            assertThat(gw.publisher.stats().connects()).isEqualTo(2);
            assertThat(gw.outbox.stats().acked()).isEqualTo(10_000);
            assertThat(gw.outbox.stats().writeFailures()).isZero();
        }
    }
}
