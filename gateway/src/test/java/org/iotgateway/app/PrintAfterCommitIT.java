package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --print} prints an aggregate only once the outbox has committed it: SIGKILL the
 * process at ~400 aggregates/s with the broker away, and every line it printed is in the file.
 */
class PrintAfterCommitIT {
    private static final Pattern SEQ = Pattern.compile("^\\{\"seq\":(\\d+),");

    @TempDir
    Path dir;

    @Test
    void everyPrintedAggregateIsInTheOutboxEvenAfterASigkill() throws Exception {
        try (MosquittoBroker away = MosquittoBroker.create()) {
            Path cfg = FastGateway.config(dir, away.uri(), "");
            List<Long> printed;
            try (GatewayProcess gw = GatewayProcess.start(dir, "run", "--config", cfg.toString(), "--print")) {
                await().atMost(Duration.ofSeconds(60)).until(() -> gw.stdout().size() >= 1_000);
                gw.kill();
                printed = gw.stdout().stream().map(SEQ::matcher).filter(Matcher::find)
                        .map(m -> Long.parseLong(m.group(1))).toList();
            }
            assertThat(printed).hasSizeGreaterThanOrEqualTo(1_000).isSorted();
            FastGateway.Owed owed = FastGateway.owed(dir);
            assertThat(owed.pending()).as("printed but not in the file").containsAll(printed);
        }
    }
}
