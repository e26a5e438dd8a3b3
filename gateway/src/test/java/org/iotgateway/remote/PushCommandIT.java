package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
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
 * {@code iot-gateway config push}, the real jar, against real gateways: a gateway that was stopped
 * gets the retained config when it starts; a push to three gateways (MQTT 5, MQTT 3.1.1, and one that
 * trusts another key) prints one line each and says which refused.
 */
class PushCommandIT {
    static final Duration ANSWER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aGatewayThatWasStoppedAppliesTheConfigPushedMeanwhileWhenItStarts() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/off-1/#")) {
            RemoteGateway gw = new RemoteGateway("off-1", dir.resolve("off-1"), broker.uri());
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            Path file = gw.writeLocal(gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature")));
            String next = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature")
                    + RemoteGateway.channel("pressure"));
            Path pushed = Files.writeString(dir.resolve("next.yaml"), next);

            GatewayProcess push = GatewayProcess.run(dir, "config", "push", "--config", pushed.toString(), "--to",
                    "off-1", "--key", ops.toString(), "--broker", broker.uri(), "--version", "7", "--timeout", "2s");
            assertThat(push.exitValue()).as(push.allOutput()).isEqualTo(1);
            assertThat(push.stdout()).containsExactly("off-1  no answer    within 2 s");

            try (GatewayProcess p = GatewayProcess.start(gw.dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.outcome(sub, 7) != null);
                assertThat(gw.outcome(sub, 7).path("status").asText()).isEqualTo("applied");
                await().atMost(ANSWER).until(() -> gw.aggregates(sub, "pressure") > 0);
                await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("remote-config").path("version").asLong() == 7);
                assertThat(gw.lastStatus(sub).path("config").asText()).isEqualTo(RemoteGateway.hash(next));
                assertThat(p.stop()).isIn(0, 143);
            }
        }
    }

    @Test
    void aPushToThreeGatewaysPrintsOneLineEachAndFailsWhenOneRefuses() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        TestKeys.write(dir, "other");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#")) {
            List<RemoteGateway> gws = List.of(new RemoteGateway("pu-1", dir.resolve("pu-1"), broker.uri()),
                    new RemoteGateway("pu-2", dir.resolve("pu-2"), broker.uri()),
                    new RemoteGateway("pu-3", dir.resolve("pu-3"), broker.uri()));
            List<String> trust = List.of("ops.pub", "ops.pub", "other.pub");
            List<String> versions = List.of("5", "3.1.1", "5");
            List<GatewayProcess> running = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    RemoteGateway gw = gws.get(i);
                    String yaml = gw.yaml(broker.uri(), ", trusted-keys: [" + dir.resolve(trust.get(i)) + "]",
                            RemoteGateway.channel("temperature")).replace("status-interval: 500ms",
                            "status-interval: 500ms, version: \"" + versions.get(i) + "\"");
                    running.add(GatewayProcess.start(gw.dir, java.util.Map.of("GW_ID", gw.id), "run", "--config",
                            gw.writeLocal(yaml).toString()));
                }
                for (RemoteGateway gw : gws) {
                    await().atMost(ANSWER).until(() -> gw.subscribed(sub));
                }
                // One config for all three: the gateway id comes from an environment variable on each device.
                Path pushed = Files.writeString(dir.resolve("fleet.yaml"), gws.get(0).yaml(broker.uri(),
                        ", trusted-keys: [" + dir.resolve("ops.pub") + "]", RemoteGateway.channel("temperature")
                                + RemoteGateway.channel("light")).replace("gateway: {id: pu-1}", "gateway: {id: \"${GW_ID}\"}"));
                GatewayProcess push = GatewayProcess.run(dir, "config", "push", "--config", pushed.toString(), "--to",
                        "pu-1,pu-2,pu-3", "--key", ops.toString(), "--broker", broker.uri(), "--version", "100",
                        "--timeout", "25s");
                assertThat(push.exitValue()).as(push.allOutput()).isEqualTo(1);
                assertThat(push.stdout()).hasSize(3);
                assertThat(push.stdout().get(0)).startsWith("pu-1  applied      running version 100, config ");
                assertThat(push.stdout().get(1)).startsWith("pu-2  applied      running version 100, config ");
                assertThat(push.stdout().get(2)).startsWith("pu-3  refused      unknown-key: signed with key ")
                        .contains("which is not among remote-config.trusted-keys");
                for (RemoteGateway gw : gws.subList(0, 2)) {
                    await().atMost(ANSWER).until(() -> gw.aggregates(sub, "light") > 0);
                }
                assertThat(gws.get(2).aggregates(sub, "light")).isZero();
                for (GatewayProcess p : running) {
                    assertThat(p.stop()).isIn(0, 143);
                }
            } finally {
                for (GatewayProcess p : running) {
                    p.close();
                }
            }
        }
    }
}
