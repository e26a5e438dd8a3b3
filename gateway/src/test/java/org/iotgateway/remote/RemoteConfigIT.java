package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushed configs against the real gateway process and a real mosquitto (MQTT 5): one that adds a
 * channel is applied live and proves itself; each kind of bad one is refused with its reason and
 * nothing changes; a replayed one is answered again without a new refusal.
 */
class RemoteConfigIT {
    static final Duration ANSWER = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void aSignedConfigIsAppliedLiveAndEveryBadOneIsRefusedWithItsReasonAndNothingChanged() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        Path stranger = TestKeys.write(dir, "stranger");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/rc-1/#")) {
            RemoteGateway gw = new RemoteGateway("rc-1", dir, broker.uri());
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            String local = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature"));
            Path file = gw.writeLocal(local);
            try (GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString())) {
                await().atMost(ANSWER).until(() -> gw.subscribed(sub));
                JsonNode before = gw.lastStatus(sub);
                assertThat(before.path("remote-config").path("source").asText()).isEqualTo("local");
                assertThat(before.path("remote-config").path("why").asText())
                        .isEqualTo("remote-config is on in " + file + " and no pushed config has been applied ("
                                + Path.of("state/remote-config") + ")");

                String next = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature")
                        + RemoteGateway.channel("humidity"));
                JsonNode good = RemoteGateway.json(new String(TestKeys.signed(ops, 10, next, "rc-1")));
                String tampered = good.toString().replace("\"version\":10", "\"version\":11");
                refused(gw, sub, 11, tampered.getBytes(), "bad-signature", "does not verify with key");
                refused(gw, sub, 12, TestKeys.signed(stranger, 12, next, "rc-1"), "unknown-key",
                        "which is not among remote-config.trusted-keys");
                refused(gw, sub, 13, TestKeys.unsigned(13, next, "rc-1"), "unsigned",
                        "unsigned, and remote-config.require-signature is true");
                refused(gw, sub, 14, TestKeys.signed(ops, 14, next, "rc-2", "rc-3"), "other-gateway",
                        "for [rc-2, rc-3], not rc-1");
                String invalid = next.replace("window: 500ms}\n", "windw: 500ms}\n");
                JsonNode bad = refused(gw, sub, 15, TestKeys.signed(ops, 15, invalid, "rc-1"), "invalid-config",
                        "2 problem(s) in the config");
                int line = invalid.lines().toList().indexOf(invalid.lines().filter(l -> l.contains("temperature"))
                        .findFirst().orElseThrow()) + 1;
                assertThat(bad.path("problems").get(0).asText()).startsWith("remote:v15:" + line + ":");
                assertThat(bad.path("problems").get(0).asText()).contains("unknown key 'windw'");
                refused(gw, sub, 0, "garbage".getBytes(), "malformed", "not a config envelope: not JSON");

                JsonNode unchanged = gw.lastStatus(sub);
                assertThat(unchanged.path("config").asText()).as("still the local file").isEqualTo(RemoteGateway.hash(local));
                assertThat(unchanged.path("remote-config").path("version").asLong()).isZero();
                assertThat(gw.aggregates(sub, "humidity")).isZero();
                assertThat(Files.exists(dir.resolve("state/remote-config/10"))).isFalse();

                gw.push(TestKeys.signed(ops, 10, next, "rc-1"), true);
                await().atMost(ANSWER).until(() -> gw.outcome(sub, 10) != null);
                assertThat(gw.results(sub, 10)).extracting(n -> n.path("status").asText())
                        .containsExactly("accepted", "applied");
                JsonNode applied = gw.outcome(sub, 10);
                assertThat(applied.path("running-version").asLong()).isEqualTo(10);
                assertThat(applied.path("config").asText()).isEqualTo(RemoteGateway.hash(next));
                await().atMost(ANSWER).until(() -> gw.aggregates(sub, "humidity") >= 2);
                await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("config").asText()
                        .equals(RemoteGateway.hash(next)));
                JsonNode rc = gw.lastStatus(sub).path("remote-config");
                assertThat(rc.path("source").asText()).isEqualTo("pushed");
                assertThat(rc.path("version").asLong()).isEqualTo(10);
                assertThat(rc.path("file").asText()).isEqualTo(Path.of("state/remote-config/10/config.yaml").toString());
                assertThat(Files.readString(dir.resolve("state/remote-config/10/config.yaml"))).isEqualTo(next);

                refused(gw, sub, 9, TestKeys.signed(ops, 9, local, "rc-1"), "old-version",
                        "version 9 is not above 10, the highest this gateway has taken");
                // The same envelope again (the retained copy a reconnect replays): answered as before.
                gw.push(TestKeys.signed(ops, 10, next, "rc-1"), true);
                await().atMost(ANSWER).until(() -> gw.results(sub, 10).size() == 3);
                assertThat(gw.results(sub, 10).get(2).path("status").asText()).isEqualTo("applied");
                await().atMost(ANSWER).until(() -> gw.lastStatus(sub).path("remote-config").path("replayed").asLong() == 1);
                JsonNode counts = gw.lastStatus(sub).path("remote-config");
                assertThat(counts.path("received").asLong()).as(counts.toString()).isEqualTo(9);
                long refusedTotal = 0;
                for (JsonNode n : counts.path("refused")) {
                    refusedTotal += n.asLong();
                }
                assertThat(counts.path("accepted").asLong() + counts.path("replayed").asLong() + refusedTotal
                        + counts.path("not-addressed").asLong() + counts.path("dropped-busy").asLong())
                        .as("every message received is counted once: " + counts).isEqualTo(9);
                assertThat(p.stop()).isIn(0, 143);
            }
            GatewayProcess validate = GatewayProcess.run(dir, "validate", "--config", file.toString());
            assertThat(validate.exitValue()).isZero();
            assertThat(validate.stdout()).anySatisfy(l -> assertThat(l).startsWith("in force: "
                    + Path.of("state/remote-config/10/config.yaml") + " (version 10, signed by key "));
        }
    }

    /** Pushes a bad envelope; returns its result after checking the reason and the detail. */
    static JsonNode refused(RemoteGateway gw, TestSubscriber sub, long version, byte[] envelope, String reason,
                            String detail) throws Exception {
        int before = sub.messages(gw.topic("config/result")).size();
        gw.push(envelope, false);
        await().atMost(ANSWER).until(() -> sub.messages(gw.topic("config/result")).size() > before);
        JsonNode r = RemoteGateway.json(sub.messages(gw.topic("config/result")).get(before).payload());
        assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("refused");
        assertThat(r.path("reason").asText()).as(r.toString()).isEqualTo(reason);
        assertThat(r.path("detail").asText()).as(r.toString()).contains(detail);
        if (version > 0) {
            assertThat(r.path("version").asLong()).isEqualTo(version);
        } else {
            assertThat(r.path("version").isNull()).isTrue();
        }
        assertThat(r.path("gateway").asText()).isEqualTo(gw.id);
        return r;
    }
}
