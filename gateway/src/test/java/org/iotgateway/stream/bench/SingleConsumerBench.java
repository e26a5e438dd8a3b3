package org.iotgateway.stream.bench;

import java.util.concurrent.TimeUnit;
import org.iotgateway.stream.EngineDriver;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ring + filters + tumbling windows, 100 channels, one thread: offers a batch into the ring, then
 * drains it through the engine as the consumer does, moving the watermark with the data. One
 * operation = one reading. Run with {@code -prof gc} for bytes per reading.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
public class SingleConsumerBench {
    static final int BATCH = 1024;
    static final int CHANNELS = 100;

    ReadingRing ring;
    EngineDriver driver;
    final long[] closed = new long[1];
    long ts = 1_764_000_000_000L;
    int channel;

    @Setup
    public void setUp() {
        ring = new ReadingRing(4096, CHANNELS, new RejectCounter());
        driver = new EngineDriver(ring, EngineFixture.engine(CHANNELS, 10_000, EngineFixture.BENCH, closed));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long offerAndProcess() {
        for (int i = 0; i < BATCH; i++) {
            ring.offer(channel, ts, (i & 255) * 0.5);
            if (++channel == CHANNELS) {
                channel = 0;
                ts++;
            }
        }
        driver.drain();
        driver.engine().advanceWatermark(ts - 500);
        return closed[0];
    }

    /** The engine alone (no ring), to tell the ring's share of the cost from the engine's. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long engineOnly() {
        for (int i = 0; i < BATCH; i++) {
            driver.engine().onReading(channel, ts, (i & 255) * 0.5);
            if (++channel == CHANNELS) {
                channel = 0;
                ts++;
            }
        }
        driver.engine().advanceWatermark(ts - 500);
        return closed[0];
    }
}
