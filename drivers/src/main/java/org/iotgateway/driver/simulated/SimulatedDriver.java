package org.iotgateway.driver.simulated;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;

/**
 * Produces synthetic signals at a steady rate, for demos and for benchmarking the engine.
 *
 * <p>One thread per sensor. Rates up to 100 kHz per channel cannot be reached by scheduling one
 * task per reading, so the thread wakes when the next reading is owed (at most every 10 ms)
 * and emits every reading owed since its start, each stamped with its own ideal acquisition time:
 * k / rate after the start on the monotonic clock, mapped to the wall clock by a
 * {@link SampleTimeline} that follows steps of the wall clock. A full buffer makes {@code offer}
 * return false; the reading is counted there and the driver moves on.
 */
public final class SimulatedDriver implements PushDriver {
    public static final DriverType<SimulatedParams, SignalParams> TYPE = new DriverType<>(
            "simulated", SimulatedParams.class, SignalParams.class, SimulatedDriver::new);

    /**
     * Fast channels are emitted in batches of 10 ms: a 1 kHz channel wakes this thread (and the
     * ring's consumer) 100 times a second, not 1,000; the stamps stay exact.
     */
    private static final long MIN_WAKE_NANOS = 10_000_000;
    /** A very slow channel still wakes the thread once a minute (nothing else needs it). */
    private static final long MAX_WAKE_NANOS = 60_000_000_000L;

    private final String sensorId;
    private final Channel[] channels;
    private final LongSupplier wallMillis;
    private final LongSupplier monoNanos;
    private SampleTimeline timeline;
    private volatile boolean running;
    private Thread thread;

    public SimulatedDriver(SensorSpec<SimulatedParams, SignalParams> spec) {
        this(spec, System::currentTimeMillis, System::nanoTime);
    }

    /** With explicit clocks, for tests. */
    SimulatedDriver(SensorSpec<SimulatedParams, SignalParams> spec, LongSupplier wallMillis, LongSupplier monoNanos) {
        this.wallMillis = wallMillis;
        this.monoNanos = monoNanos;
        this.sensorId = spec.sensorId();
        List<ChannelSpec<SignalParams>> specs = spec.channels();
        this.channels = new Channel[specs.size()];
        for (int i = 0; i < channels.length; i++) {
            ChannelSpec<SignalParams> c = specs.get(i);
            SignalParams signal = c.params() == null ? SignalParams.defaults() : c.params();
            double rate = spec.params().rateOf(signal);
            channels[i] = new Channel(c.id(), signal, rate, new SplittableRandom(spec.params().seed() * 31 + i));
        }
    }

    @Override
    public void start(ReadingSink sink) {
        running = true;
        thread = new Thread(() -> run(sink), "driver-simulated-" + sensorId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(ReadingSink sink) {
        begin();
        while (running) {
            LockSupport.parkNanos(emitOwed(sink));
        }
    }

    /** The start of the timeline: reading 0 of every channel is owed now. */
    void begin() {
        timeline = new SampleTimeline(wallMillis, monoNanos);
    }

    /**
     * Emits every reading owed by now; returns how long to sleep until the next one is owed, so a
     * 1 Hz sensor wakes once a second, not a thousand times.
     */
    long emitOwed(ReadingSink sink) {
        double elapsed = timeline.follow();
        double nextDue = Double.MAX_VALUE;
        for (Channel c : channels) {
            c.emitUntil(elapsed, timeline, sink);
            nextDue = Math.min(nextDue, c.nextDueSeconds());
        }
        long sleep = (long) ((nextDue - elapsed) * 1e9);
        return Math.max(MIN_WAKE_NANOS, Math.min(MAX_WAKE_NANOS, sleep));
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Channel {
        final int id;
        final SignalParams signal;
        final double rate;
        final SplittableRandom random;
        long emitted;
        double value;

        Channel(int id, SignalParams signal, double rate, SplittableRandom random) {
            this.id = id;
            this.signal = signal;
            this.rate = rate;
            this.random = random;
            this.value = signal.base();
        }

        /** When reading number {@code emitted} is owed, in seconds since the start. */
        double nextDueSeconds() {
            return emitted / rate;
        }

        void emitUntil(double elapsedSeconds, SampleTimeline timeline, ReadingSink sink) {
            long owed = (long) (elapsedSeconds * rate) + 1;
            for (long k = emitted; k < owed; k++) {
                double t = k / rate;
                value = signal.shape().next(signal, t, value, random);
                // k * 1000.0 / rate, not t * 1000: one rounding, so 1 kHz gives exact millisecond steps.
                sink.offer(id, timeline.stamp((long) (k * 1000.0 / rate)), value);
            }
            emitted = owed;
        }
    }
}
