package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.app.FastGateway;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health check and the rollback, against the real gateway process: a pushed config that loses
 * the broker is rolled back (live, or by the restarts it needs) and everything measured meanwhile is
 * delivered; a config that needs a restart exits with the status the unit restarts on and the next
 * start runs it.
 */
class RollbackIT {
    static final Duration ANSWER = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    static String deadBroker() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void aConfigThatLosesTheBrokerIsRolledBackAndWhatWasMeasuredMeanwhileIsDelivered() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/rb-1/#")) {
            RemoteGateway gw = new RemoteGateway("rb-1", dir, broker.uri());
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            String fast = "      - {id: a, window: 100ms}\n      - {id: b, window: 100ms}\n";
            String local = gw.yaml(broker.uri(), remote, fast).replace("rate: 20", "rate: 200");
            Path file = gw.writeLocal(local);
            String dead = local.replace(broker.uri(), deadBroker());
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.subscribed(sub) && gw.aggregates(sub, "a") >= 5);
                gw.push(TestKeys.signed(ops, 20, dead, "rb-1"), true);

                await().atMost(ANSWER).until(() -> gw.outcome(sub, 20) != null);
                JsonNode back = gw.outcome(sub, 20);
                assertThat(back.path("status").asText()).as(back.toString()).isEqualTo("rolled-back");
                assertThat(back.path("detail").asText()).isEqualTo("no publish was acknowledged within 5 s"
                        + " (remote-config.health-deadline) after version 20 was applied");
                assertThat(back.path("running-version").asLong()).isZero();
                assertThat(back.path("config").asText()).isEqualTo(RemoteGateway.hash(local));
                assertThat(p.allOutput()).contains("pushed version 20 applied live", "[mqtt.broker] changed",
                        "rolling back pushed version 20: no publish was acknowledged within 5 s");

                long seen = gw.aggregates(sub, "a");
                await().atMost(ANSWER).until(() -> gw.aggregates(sub, "a") > seen + 20);
                await().atMost(ANSWER).until(() -> "rolled-back".equals(gw.lastStatus(sub).path("remote-config")
                        .path("last").path("status").asText()));
                JsonNode rc = gw.lastStatus(sub).path("remote-config");
                assertThat(rc.path("source").asText()).isEqualTo("local");
                assertThat(rc.path("rolled-back").asLong()).isEqualTo(1);
                assertThat(gw.lastStatus(sub).path("config").asText()).isEqualTo(RemoteGateway.hash(local));
                // The retained envelope came back with the reconnect: answered as rolled back, not applied again.
                await().atMost(ANSWER).until(() -> gw.results(sub, 20).stream()
                        .anyMatch(n -> n.path("detail").asText().startsWith("rolled back before: ")));
                assertThat(gw.results(sub, 20)).extracting(n -> n.path("status").asText())
                        .containsOnly("accepted", "rolled-back").filteredOn("accepted"::equals).hasSize(1);
                await().atMost(ANSWER).until(() -> Files.readString(dir.resolve("state/remote-config/20/state"))
                        .startsWith("rolled-back-reported\n"));
                assertThat(p.stop()).isIn(0, 143);
            }
            FastGateway.Owed owed = FastGateway.owed(dir.resolve("state/outbox"), "rb-1");
            owed.assertAllAccountedFor(FastGateway.dedup(sub).keySet());
            assertThat(owed.losses()).as("nothing was let go").isEmpty();
            assertThat(owed.lastSeq()).isGreaterThan(100);
        }
    }

    @Test
    void aConfigNeedingARestartExitsWithTheStatusTheUnitRestartsOnAndTheNextStartRunsIt() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/rs-1/#")) {
            RemoteGateway gw = new RemoteGateway("rs-1", dir, broker.uri());
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            String local = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature"));
            Path file = gw.writeLocal(local);
            // gateway.* needs a restart.
            String next = local.replace("gateway: {id: rs-1}", "gateway: {id: rs-1, print: true}");
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.subscribed(sub));
                gw.push(TestKeys.signed(ops, 30, next, "rs-1"), true);
                assertThat(p.awaitExit(ANSWER)).as("the status the unit restarts on").isEqualTo(75);
                assertThat(p.allOutput()).contains("pushed version 30 needs a restart (gateway.print changed)");
                JsonNode accepted = gw.results(sub, 30).get(0);
                assertThat(accepted.path("status").asText()).isEqualTo("accepted");
                assertThat(accepted.path("restart").asBoolean()).isTrue();
                assertThat(accepted.path("detail").asText()).isEqualTo("restarting to apply it (gateway.print changed)");
            }
            assertThat(Files.readString(dir.resolve("state/remote-config/30/state"))).startsWith("trial\n");
            // What systemd does on 75: the same command again.
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.outcome(sub, 30) != null);
                assertThat(gw.outcome(sub, 30).path("status").asText()).isEqualTo("applied");
                await().atMost(ANSWER).until(() -> p.stdout().stream().anyMatch(l -> l.contains("\"sensor\":\"env-1\"")));
                await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("config").asText()
                        .equals(RemoteGateway.hash(next)));
                assertThat(gw.lastStatus(sub).path("remote-config").path("version").asLong()).isEqualTo(30);
                assertThat(Files.readString(dir.resolve("state/remote-config/30/state"))).startsWith("applied\n");
                assertThat(p.stop()).isIn(0, 143);
            }
        }
    }

    @Test
    void aRestartNeedingConfigThatNeverConnectsIsRolledBackAcrossTheRestarts() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/rs-2/#")) {
            RemoteGateway gw = new RemoteGateway("rs-2", dir, broker.uri());
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            String local = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature"));
            Path file = gw.writeLocal(local);
            String next = local.replace("gateway: {id: rs-2}", "gateway: {id: rs-2, print: true}")
                    .replace(broker.uri(), deadBroker());
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.subscribed(sub));
                gw.push(TestKeys.signed(ops, 40, next, "rs-2"), true);
                assertThat(p.awaitExit(ANSWER)).isEqualTo(75);
            }
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                assertThat(p.awaitExit(ANSWER)).as("the trial failed; going back needs a restart too").isEqualTo(75);
                assertThat(p.allOutput()).contains("rolling back pushed version 40: no publish was acknowledged within 5 s",
                        "going back needs a restart ([gateway.print] changed)");
            }
            assertThat(Files.readString(dir.resolve("state/remote-config/40/state"))).startsWith("rolled-back\n");
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.results(sub, 40).stream()
                        .anyMatch(n -> n.path("status").asText().equals("rolled-back")));
                JsonNode back = gw.results(sub, 40).stream().filter(n -> n.path("status").asText().equals("rolled-back"))
                        .findFirst().orElseThrow();
                assertThat(back.path("detail").asText()).startsWith("no publish was acknowledged within 5 s");
                assertThat(back.path("config").asText()).isEqualTo(RemoteGateway.hash(local));
                await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("config").asText()
                        .equals(RemoteGateway.hash(local)) && gw.aggregates(sub, "temperature") > 0);
                assertThat(p.isAlive()).isTrue();
                assertThat(p.stdout()).as("print is off again").noneMatch(l -> l.contains("\"sensor\""));
                assertThat(p.stop()).isIn(0, 143);
            }
        }
    }
}
