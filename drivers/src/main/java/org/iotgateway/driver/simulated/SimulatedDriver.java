package org.iotgateway.driver.simulated;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;

/**
 * Produces synthetic signals at a steady rate, for demos and for benchmarking the engine.
 *
 * <p>One thread per sensor. Rates up to 100 kHz per channel cannot be reached by scheduling one
 * task per reading, so the thread wakes about once a millisecond and emits every reading owed since
 * its start, each stamped with its own ideal acquisition time (start + k / rate). A full buffer
 * makes {@code offer} return false; the reading is counted there and the driver moves on.
 */
public final class SimulatedDriver implements PushDriver {
    public static final DriverType<SimulatedParams, SignalParams> TYPE = new DriverType<>(
            "simulated", SimulatedParams.class, SignalParams.class, SimulatedDriver::new);

    private static final long MIN_WAKE_NANOS = 1_000_000;
    private static final long MAX_WAKE_NANOS = 100_000_000;

    private final String sensorId;
    private final Channel[] channels;
    private volatile boolean running;
    private Thread thread;

    public SimulatedDriver(SensorSpec<SimulatedParams, SignalParams> spec) {
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
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        while (running) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            double nextDue = Double.MAX_VALUE;
            for (Channel c : channels) {
                c.emitUntil(elapsed, startMillis, sink);
                nextDue = Math.min(nextDue, c.nextDueSeconds());
            }
            // Sleep until the next reading is owed: a 10 Hz sensor wakes 10 times a second, not 1000.
            long sleep = (long) ((nextDue - elapsed) * 1e9);
            LockSupport.parkNanos(Math.max(MIN_WAKE_NANOS, Math.min(MAX_WAKE_NANOS, sleep)));
        }
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

        void emitUntil(double elapsedSeconds, long startMillis, ReadingSink sink) {
            long owed = (long) (elapsedSeconds * rate) + 1;
            for (long k = emitted; k < owed; k++) {
                double t = k / rate;
                value = signal.shape().next(signal, t, value, random);
                // k * 1000.0 / rate, not t * 1000: one rounding, so 1 kHz gives exact millisecond steps.
                sink.offer(id, startMillis + (long) (k * 1000.0 / rate), value);
            }
            emitted = owed;
        }
    }
}
