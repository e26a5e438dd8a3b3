package org.iotgateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.MosquittoBroker;

/**
 * File size under churn (scripts/bench.sh churn): 20 outage/drain cycles against a real mosquitto,
 * each outage spilling more than max-bytes (so drop-oldest evicts), each drain emptying the outbox.
 * Prints the H2 file size after every cycle and the largest seen. H2 keeps superseded chunks for
 * 45 s, so cycles must be spaced (PAUSE_MS, connected and idle) for the file to reach its steady size.
 * Usage: ChurnBench MAX_BYTES PER_OUTAGE PAUSE_MS
 */
public final class ChurnBench {
    private ChurnBench() {
    }

    public static void main(String[] args) throws Exception {
        long maxBytes = Long.parseLong(args[0]);
        int perOutage = Integer.parseInt(args[1]);
        long pauseMillis = Long.parseLong(args[2]);
        Path dir = Files.createTempDirectory("churn-bench");
        Path file = dir.resolve("outbox.mv.db");
        OutboxConfig oc = new OutboxConfig(dir.resolve("outbox"), new DataSize(maxBytes), null);
        long largest = 0;
        try (MosquittoBroker broker = MosquittoBroker.create();
             Outbox o = Outbox.open(oc, "churn");
             MqttPublisher p = MqttPublisher.create(new MqttConfig(List.of(broker.uri()), null, null, null, null, 1,
                     null, null, 200), "churn", o)) {
            p.start();
            long next = 0;
            for (int cycle = 1; cycle <= 20; cycle++) {
                for (int i = 0; i < perOutage; i++) {
                    o.append("sensors/churn/env-1/temperature", Aggregates.temperature(next++));
                    while (o.stats().depth() - o.stats().storedRows() > 12_000) {
                        Thread.onSpinWait();
                    }
                }
                while (o.committedSeq() < o.stats().lastSeq()) {
                    Thread.sleep(10);
                }
                long spilled = Files.size(file);
                broker.start();
                while (o.stats().depth() > 0 || o.stats().storedRows() > 0) {
                    Thread.sleep(20);
                }
                Thread.sleep(pauseMillis);
                broker.stop();
                long drained = Files.size(file);
                largest = Math.max(largest, Math.max(spilled, drained));
                OutboxStats s = o.stats();
                System.out.printf("cycle %2d: file %,d B after the outage, %,d B after the drain and pause; evicted %d, acked %d%n",
                        cycle, spilled, drained, s.evicted(), s.acked());
            }
        }
        System.out.printf("churn: max-bytes %,d, largest file %,d B (%.2f of max-bytes), after close %,d B%n", maxBytes,
                largest, largest / (double) maxBytes, Files.size(file));
    }
}
