package org.iotgateway.stream.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.iotgateway.stream.StreamConsumer;
import org.iotgateway.stream.WindowEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4 producer threads offer into one ring (drop-newest) while the real consumer thread runs the
 * engine. One operation = one offered reading. At the end of each iteration the consumer is stopped
 * and the accounting is printed and checked: offered = processed by the engine + dropped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
@Threads(4)
public class FourProducersBench {
    static final int CHANNELS = 100;

    ReadingRing ring;
    WindowEngine engine;
    StreamConsumer consumer;
    final long[] closed = new long[1];
    final java.util.Queue<Producer> producers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final AtomicLong clock = new AtomicLong(1_764_000_000_000L);

    @Setup(Level.Iteration)
    public void start() {
        ring = new ReadingRing(65_536, CHANNELS, new RejectCounter());
        engine = EngineFixture.engine(CHANNELS, 10_000, EngineFixture.BENCH, closed);
        consumer = new StreamConsumer(ring, engine, clock::get, 500);
        consumer.start();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        consumer.close();
        long offered = 0;
        for (Producer p : producers) {
            offered += p.count;
            p.count = 0;
        }
        long processed = 0;
        long dropped = 0;
        for (int c = 0; c < CHANNELS; c++) {
            processed += engine.counts(c).accepted();
            dropped += ring.dropped(c);
        }
        System.out.printf("%n  offered %d = processed %d + dropped %d: %s%n", offered, processed, dropped,
                offered == processed + dropped ? "adds up" : "DOES NOT ADD UP");
        if (offered != processed + dropped) {
            throw new IllegalStateException("readings unaccounted for");
        }
    }

    @State(Scope.Thread)
    public static class Producer {
        int channel;
        long count;

        @Setup(Level.Trial)
        public void register(FourProducersBench b) {
            b.producers.add(this);
        }
    }

    @Benchmark
    public boolean offer(Producer p) {
        p.count++;
        if (++p.channel == CHANNELS) {
            p.channel = 0;
        }
        return ring.offer(p.channel, clock.get(), p.count & 1023);
    }
}
