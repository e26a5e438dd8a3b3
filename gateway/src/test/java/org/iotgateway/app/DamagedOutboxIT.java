package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged outbox file at start, through the real process: moved aside, ERROR logged, data flows. */
class DamagedOutboxIT {
    @TempDir
    Path dir;

    @Test
    void aTruncatedOutboxIsMovedAsideAndLiveDataKeepsFlowing() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS)) {
            Path cfg = FastGateway.config(dir, broker.uri(), "");
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> sub.seqs().size() >= 200);
                gw.stop();
            }
            // Cut the file in the middle of a chunk, as a full SD card or a torn copy would.
            Path file = dir.resolve("state/outbox.mv.db");
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, 6000));
            int before = sub.seqs().size();
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> sub.seqs().size() >= before + 200);
                assertThat(gw.stderr()).anyMatch(l -> l.contains("ERROR") && l.contains("unreadable"));
                assertThat(gw.stderr()).anyMatch(l -> l.contains("ERROR") && l.contains("was replaced: seq resumes at"));
                gw.stop();
            }
            try (Stream<Path> files = Files.list(dir.resolve("state"))) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("outbox.mv.db.corrupt-"));
            }
            long oldMax = sub.seqs().subList(0, before).stream().mapToLong(Long::longValue).max().orElseThrow();
            long newMin = sub.seqs().subList(before, sub.seqs().size()).stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(newMin).as("seq resumes above anything the old file handed out").isGreaterThan(oldMax);
            assertThat(newMin).as("from the ceiling reserved next to the old file, not the clock")
                    .isLessThan(1_000_000_000_000L);
        }
    }
}
