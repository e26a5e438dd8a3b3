package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.ProcessUsage;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two real gateway processes with one {@code mqtt.client-id} (two devices from one image) on a real
 * mosquitto, which closes the older connection when the newer one connects and says nothing about
 * it (no DISCONNECT 0x8E, even under MQTT 5). Both must raise the alarm within a minute (an ERROR
 * naming the client id, {@code /health} 503), then back off instead of knocking each other off in a
 * loop, and lose nothing: every aggregate of each reaches the subscriber or waits in its outbox.
 */
class DuplicateClientIdIT {
    private static final Logger log = LoggerFactory.getLogger(DuplicateClientIdIT.class);
    private static final String ALARM = "another client is connecting with our client id 'cloned-card'";
    private static final Pattern STATUS_PAGE = Pattern.compile("status page on (http://[0-9.:]+)/");

    @TempDir
    Path dir;

    @Test
    void bothTwinsRaiseTheAlarmBackOffAndLoseNothing() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/#", true)) {
            GatewayProcess a = start("twin-a", broker.uri());
            GatewayProcess b = null;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> FastGateway.dedup(sub, "twin-a").size() >= 20);
                long second = System.nanoTime();
                b = start("twin-b", broker.uri());
                GatewayProcess bb = b;
                await().atMost(Duration.ofSeconds(90)).until(() -> a.allOutput().contains(ALARM)
                        && bb.allOutput().contains(ALARM));
                log.info("both twins alarmed {} s after the second one started",
                        (System.nanoTime() - second) / 1_000_000_000);
                for (GatewayProcess g : List.of(a, b)) {
                    HttpResponse<String> health = health(g);
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                    assertThat(health.body()).contains("client id conflict");
                }

                // No fight: each waits the takeover back-off (15 s at least) before knocking the other off.
                int before = connects(a) + connects(b);
                String usage = ProcessUsage.measure(List.of(a.pid(), b.pid()), Duration.ofSeconds(40));
                int during = connects(a) + connects(b) - before;
                log.info("twins after the alarm: {} connects in 40 s; {}", during, usage);
                assertThat(during).as("connects of both in 40 s").isLessThanOrEqualTo(5);

                assertThat(a.stop()).isIn(0, 143);
                assertThat(b.stop()).isIn(0, 143);
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
            for (String id : List.of("twin-a", "twin-b")) {
                FastGateway.Owed owed = FastGateway.owed(dir.resolve(id).resolve("state/outbox"), id);
                await().atMost(Duration.ofSeconds(30)).until(() -> FastGateway.dedup(sub, id).size()
                        + owed.pending().size() >= owed.lastSeq());
                owed.assertAllAccountedFor(FastGateway.dedup(sub, id).keySet());
                assertThat(owed.lost()).isZero();
                log.info("{}: last seq {}, {} received, {} pending in its outbox", id, owed.lastSeq(),
                        FastGateway.dedup(sub, id).size(), owed.pending().size());
            }
        }
    }

    private GatewayProcess start(String id, String broker) throws Exception {
        Path home = Files.createDirectories(dir.resolve(id));
        Path cfg = Files.writeString(home.resolve("gateway.yaml"), """
                gateway: {id: %s}
                mqtt: {broker: %s, client-id: cloned-card, status-interval: 1s}
                outbox: {path: state/outbox}
                http: {listen: "127.0.0.1:0"}
                sensors:
                  - id: s1
                    driver: simulated
                    params: {rate: 100}
                    channels: [{id: a, window: 100ms}, {id: b, window: 100ms}]
                """.formatted(id, broker));
        GatewayProcess g = GatewayProcess.start(home, "run", "--config", cfg.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> g.allOutput().contains("gateway " + id + " running")
                || !g.isAlive());
        assertThat(g.isAlive()).as(g.allOutput()).isTrue();
        return g;
    }

    private static HttpResponse<String> health(GatewayProcess g) throws Exception {
        Matcher m = STATUS_PAGE.matcher(g.allOutput());
        assertThat(m.find()).as(g.allOutput()).isTrue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int connects(GatewayProcess g) {
        return (int) g.stderr().stream().filter(l -> l.contains("broker back after")).count();
    }
}
