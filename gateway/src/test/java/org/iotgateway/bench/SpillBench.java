package org.iotgateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.testing.Aggregates;

/**
 * Spill rate (scripts/bench.sh spill): aggregates/s appended AND committed into a fresh outbox with
 * no broker, default limits and sync. One run per invocation; the script takes the median of 3.
 * Usage: SpillBench N [MAX_BYTES] (default 2GB: the raw spill rate, no evictions; give 64000000 to
 * measure with the default limit, i.e. evicting while spilling)
 */
public final class SpillBench {
    private SpillBench() {
    }

    /**
     * CPU nanoseconds of every live thread but this one (the producer, which renders payloads and
     * spins while the queue is full): the outbox's own cost. Less disturbed than wall time when the
     * machine is busy, so A/B comparisons under load use it.
     */
    private static long cpuOfOtherThreads() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            if (id != self) {
                sum += Math.max(0, mx.getThreadCpuTime(id));
            }
        }
        return sum;
    }

    private static long queued(Outbox o) {
        var s = o.stats();
        return s.depth() - s.storedRows();
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("spill-bench");
        Aggregate[] sample = new Aggregate[1024];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = Aggregates.temperature(i);
        }
        long maxBytes = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000_000L;
        try (Outbox o = Outbox.open(new OutboxConfig(dir.resolve("outbox"), new DataSize(maxBytes), null), "bench")) {
            long t0 = System.nanoTime();
            long dropped = 0;
            for (int i = 1; i <= n; i++) {
                o.append("sensors/bench/env-1/temperature", sample[i & 1023]);
                // The stream thread never waits for the disk; pace it only if the writer's queue fills.
                // Looked at every 256 appends: a snapshot of the counters per append took half of this
                // thread's time, on a core the writer needs.
                while ((i & 255) == 0 && queued(o) > 12_000) {
                    // Not a spin: on two cores a spinning producer takes the writer's CPU.
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000);
                }
            }
            if (!o.awaitCommitted(n, Duration.ofMinutes(5))) {
                throw new IllegalStateException("not committed: " + o.stats());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            dropped = o.stats().queueFullDrops();
            System.out.printf("spill: %d aggregates committed in %.2f s = %.0f /s (dropped %d), file %d bytes;"
                    + " CPU of the other threads (writer, H2) %.2f us per aggregate%n", n, secs, n / secs, dropped,
                    Files.size(dir.resolve("outbox.mv.db")), cpuOfOtherThreads() / 1e3 / n);
        }
    }
}
