package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config topic is subscribed again after every reconnect: a broker restart (which forgets every
 * subscription: clean sessions, no persistence) leaves an MQTT 5 and an MQTT 3.1.1 gateway listening,
 * so a config pushed afterwards, not retained (only a live subscription gets it), is applied by both.
 */
class ResubscribeIT {
    static final Duration ANSWER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void afterABrokerRestartBothProtocolsStillTakePushedConfigs() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        MosquittoBroker broker = MosquittoBroker.started();
        List<GatewayProcess> running = new ArrayList<>();
        try {
            List<RemoteGateway> gws = List.of(new RemoteGateway("rs-5", dir.resolve("rs-5"), broker.uri()),
                    new RemoteGateway("rs-3", dir.resolve("rs-3"), broker.uri()));
            List<String> versions = List.of("5", "3.1.1");
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            List<String> next = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RemoteGateway gw = gws.get(i);
                String mqtt = "status-interval: 500ms, version: \"" + versions.get(i) + "\"";
                String local = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature"))
                        .replace("status-interval: 500ms", mqtt);
                next.add(gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature")
                        + RemoteGateway.channel("light")).replace("status-interval: 500ms", mqtt));
                running.add(GatewayProcess.start(gw.dir, "run", "--config", gw.writeLocal(local).toString()));
            }
            try (TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
                for (RemoteGateway gw : gws) {
                    await().atMost(ANSWER).until(() -> gw.subscribed(sub));
                }
            }
            broker.stop();
            broker.start();
            try (TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
                for (int i = 0; i < 2; i++) {
                    RemoteGateway gw = gws.get(i);
                    await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("mqtt").path("reconnects").asLong() >= 1
                            && gw.subscribed(sub));
                    gw.push(TestKeys.signed(ops, 50 + i, next.get(i), gw.id), false);
                    long version = 50 + i;
                    await().atMost(ANSWER).until(() -> gw.outcome(sub, version) != null);
                    assertThat(gw.outcome(sub, version).path("status").asText()).as(gw.id).isEqualTo("applied");
                    await().atMost(ANSWER).until(() -> gw.aggregates(sub, "light") > 0);
                }
            }
            for (GatewayProcess p : running) {
                assertThat(p.stop()).isIn(0, 143);
            }
        } finally {
            for (GatewayProcess p : running) {
                p.close();
            }
            broker.close();
        }
    }
}
