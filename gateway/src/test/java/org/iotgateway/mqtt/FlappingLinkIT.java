package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.LinkProxy;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connections that end over and over for reasons of their own must never be taken for a second
 * gateway with our client id (the silent takeover {@link KickedOff} looks for: a young connection
 * closed without a reason, and the broker answering the reconnect at once). Two look-alikes, under
 * both protocol versions: a broker that crashes and comes back again and again (SIGKILL: no
 * DISCONNECT, the socket just closes), and a link that goes silent under an open connection and
 * comes back just as the keep-alive gives up on it, so the first reconnect succeeds at once.
 */
class FlappingLinkIT {
    private static final String TOPIC = "sensors/gw-f/env-1/temperature";

    @TempDir
    Path dir;

    private static MqttConfig config(String uri, String version, Duration keepAlive) {
        return new MqttConfig(List.of(uri), null, null, null, null, null, 1, null, keepAlive, 10, null, null,
                Duration.ofSeconds(1)).withVersion(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {MqttConfig.V5, MqttConfig.V311})
    void aBrokerThatCrashesOverAndOverIsNeverTakenForATwin(String version) throws Exception {
        Random rnd = new Random(20261205);
        try (MosquittoBroker broker = MosquittoBroker.started();
             Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-f");
             MqttPublisher publisher = MqttPublisher.create(config(broker.uri(), version, Duration.ofSeconds(5)),
                     "gw-f", outbox);
             Watch watch = new Watch(publisher)) {
            publisher.start();
            for (int i = 0; i < 6; i++) {
                await().atMost(Duration.ofSeconds(30)).until(() -> publisher.stats().connected());
                for (int n = 0; n < 5; n++) {
                    outbox.append(TOPIC, Aggregates.temperature(i * 5 + n));
                }
                Thread.sleep(1_000 + rnd.nextInt(2_000));
                broker.kill();
                Thread.sleep(300 + rnd.nextInt(1_200));
                broker.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.stats().connected());
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
            assertThat(publisher.stats().connects()).as("reconnected after every crash").isGreaterThanOrEqualTo(7);
            assertThat(outbox.stats().acked()).isEqualTo(30);
            watch.assertNeverAConflict();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MqttConfig.V5, MqttConfig.V311})
    void aLinkThatGoesSilentOverAndOverIsNeverTakenForATwin(String version) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             LinkProxy link = LinkProxy.to(broker.port());
             Outbox outbox = Outbox.open(new OutboxConfig(dir.resolve("outbox"), null, null), "gw-f");
             MqttPublisher publisher = MqttPublisher.create(config(link.uri(), version, Duration.ofSeconds(1)),
                     "gw-f", outbox);
             Watch watch = new Watch(publisher)) {
            publisher.start();
            for (int i = 0; i < 5; i++) {
                await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().connected());
                outbox.append(TOPIC, Aggregates.temperature(i));
                Thread.sleep(500);
                link.freeze();
                await().atMost(Duration.ofSeconds(10)).until(() -> !publisher.stats().connected());
                link.thaw();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> publisher.stats().connected());
            await().atMost(Duration.ofSeconds(30)).until(() -> outbox.stats().depth() == 0);
            assertThat(publisher.stats().connects()).as("a connection per silence, plus the first").isGreaterThanOrEqualTo(6);
            assertThat(publisher.stats().connectFailures()).as("the link was back for every first attempt").isZero();
            watch.assertNeverAConflict();
        }
    }

    /** Samples the alarm all along: raised and cleared in between would still be a false alarm. */
    private static final class Watch implements AutoCloseable {
        private final AtomicBoolean raised = new AtomicBoolean();
        private final Thread sampler;

        Watch(MqttPublisher publisher) {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    if (publisher.stats().clientIdConflict()) {
                        raised.set(true);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "conflict-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void assertNeverAConflict() {
            assertThat(raised).as("client-id conflict alarm raised at some point").isFalse();
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }
}
