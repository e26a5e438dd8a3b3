package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.iotgateway.testing.TestSubscriber.Received;
import org.iotgateway.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STATUS = "sensors/" + GatewaySide.GATEWAY + "/status";

    @TempDir
    Path dir;

    @Test
    void appendedAggregatesArriveInOrderWithExactlyTheRenderedPayload() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            List<WireMessage> sent = new ArrayList<>();
            try (GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
                for (int i = 0; i < 500; i++) {
                    sent.add(gw.append());
                }
                await().atMost(WAIT).until(() -> sub.messages(GatewaySide.TOPIC).size() >= 500);
                await().atMost(WAIT).until(() -> gw.outbox.stats().oldestPendingSeq() == -1);
                assertThat(gw.outbox.stats().depth()).isZero();
                assertThat(gw.publisher.stats().published()).isGreaterThanOrEqualTo(500);
            }
            List<Received> got = sub.messages(GatewaySide.TOPIC);
            assertThat(got).extracting(Received::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
            assertThat(got).extracting(Received::payload).containsExactlyElementsOf(sent.stream().map(WireMessage::payload).toList());
            await().atMost(WAIT).until(() -> sub.messages(STATUS).size() >= 2);
            assertThat(sub.messages(STATUS).get(0).payload()).startsWith("{\"state\":\"online\"");
            // A clean stop leaves the whole status, final counts included, marked offline.
            assertThat(sub.messages(STATUS)).last().extracting(Received::payload).asString()
                    .startsWith("{\"state\":\"offline\",\"kind\":\"final\",\"gateway\":\"" + GatewaySide.GATEWAY + "\"")
                    .contains("\"published\":500");
        }
    }

    @Test
    void theFirstConnectIsRetriedUntilTheBrokerAppears() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), GatewaySide.TOPIC, true)) {
            // The subscriber's durable session survives the clean stop, so it misses nothing later.
            broker.stop();
            try (GatewaySide gw = new GatewaySide(dir, broker.uri(), 1)) {
                for (int i = 0; i < 50; i++) {
                    gw.append();
                }
                await().atMost(WAIT).until(() -> gw.outbox.stats().committed() == 50);
                Thread.sleep(1_500); // let a few connect attempts fail
                assertThat(gw.publisher.stats().connected()).isFalse();
                assertThat(gw.outbox.stats().depth()).isEqualTo(50);

                broker.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> sub.seqs().size() >= 50);
                assertThat(sub.seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
                await().atMost(WAIT).until(() -> gw.outbox.stats().depth() == 0);
            }
        }
    }

    @Test
    void qos0PublishesAndDeletesAfterTheWrite() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), GatewaySide.TOPIC);
             GatewaySide gw = new GatewaySide(dir, broker.uri(), 0)) {
            for (int i = 0; i < 100; i++) {
                gw.append();
            }
            await().atMost(WAIT).until(() -> sub.seqs().size() >= 100);
            assertThat(sub.seqs()).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
            await().atMost(WAIT).until(() -> gw.outbox.stats().oldestPendingSeq() == -1);
        }
    }
}
