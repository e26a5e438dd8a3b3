package org.iotgateway.stream;

import com.lmax.disruptor.EventPoller;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.iotgateway.util.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring's one consumer thread: takes readings off the ring into the engine, and moves the
 * watermark with the wall clock so windows close even when readings stop.
 *
 * <p>Everything the engine does happens on this thread, so the engine needs no locks. When the ring
 * is empty the thread backs off from spinning to parking (up to 2 ms), which keeps a Pi's CPU quiet
 * at demo rates while a 64k-slot ring still absorbs bursts far above 100 kHz meanwhile.
 */
public final class StreamConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** A tick is due every 100 ms; this much silence means a stage is stuck. */
    private static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ReadingRing ring;
    private final WindowEngine engine;
    private final EventPoller<ReadingSlot> poller;
    private final ClockWatch clock;
    private final long watermarkDelayMillis;
    private final RateLimitedLog stageErrors = new RateLimitedLog(LOG, 10_000);
    private final BackpressureMonitor monitor;
    private volatile StreamMetrics metrics = StreamMetrics.NONE;
    private final ChannelCountsBoard counts;
    private volatile long lastTickNanos = System.nanoTime();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    /** False for a reload's stop: the open windows go on in the next engine instead of being closed. */
    private volatile boolean flushOnStop = true;
    private long stageErrorCount;
    private volatile Thread thread;

    /**
     * @param watermarkDelayMillis how long after a window's end (wall clock) it is closed: the
     *        time a reading may take from acquisition to the engine before it counts as late
     */
    public StreamConsumer(ReadingRing ring, WindowEngine engine, LongSupplier wallClock, long watermarkDelayMillis) {
        this(ring, engine, new ClockWatch(wallClock, System::nanoTime, ClockWatch.SYSTEMD_SYNC_FILE), watermarkDelayMillis);
    }

    /**
     * @param clock the wall clock, watched for jumps and synchronisation
     * @param watermarkDelayMillis how long after a window's end (wall clock) it is closed: the
     *        time a reading may take from acquisition to the engine before it counts as late
     */
    public StreamConsumer(ReadingRing ring, WindowEngine engine, ClockWatch clock, long watermarkDelayMillis) {
        this.ring = ring;
        this.engine = engine;
        this.poller = ring.poller();
        this.clock = clock;
        this.watermarkDelayMillis = watermarkDelayMillis;
        this.monitor = new BackpressureMonitor(ring, LOG, System.nanoTime());
        this.counts = new ChannelCountsBoard(engine.channelCount());
    }

    /** The latest health snapshot (at most a second old while running); any thread. */
    public StreamMetrics metrics() {
        return metrics;
    }

    /** A channel's counters as of the last snapshot (at most a second old while running); any thread. */
    public ChannelCounts counts(int channel) {
        return counts.get(channel);
    }

    /** Whether the thread runs and has ticked in the last 5 s (not stuck in a stage); any thread. */
    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive() && System.nanoTime() - lastTickNanos < STUCK_NANOS;
    }

    public void start() {
        // Rates and drops count from here: a reload's ring may already hold readings and carried drops,
        // and its engine the counts of the channels it kept.
        monitor.baseline(System.nanoTime());
        counts.copyFrom(engine);
        running = true;
        thread = new Thread(this::run, "stream-consumer");
        thread.start();
    }

    private boolean onSlot(ReadingSlot slot, long sequence, boolean endOfBatch) {
        try {
            engine.onReading(slot.channel, slot.ts, slot.value);
        } catch (RuntimeException e) {
            stageErrorCount++;
            stageErrors.warn("stage", "stream stage failed on a reading of channel {}: {}", slot.channel, e.toString());
        }
        return true;
    }

    private void run() {
        EventPoller.Handler<ReadingSlot> handler = this::onSlot;
        long idleNanos = 0;
        long nextTick = System.nanoTime();
        try {
            while (running) {
                EventPoller.PollState state = poller.poll(handler);
                if (state == EventPoller.PollState.PROCESSING) {
                    idleNanos = 0;
                } else {
                    idleNanos = Math.min(MAX_PARK_NANOS, Math.max(idleNanos * 2, 10_000));
                    LockSupport.parkNanos(idleNanos);
                }
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + TICK_NANOS;
                    tick();
                }
            }
            while (poller.poll(handler) == EventPoller.PollState.PROCESSING) {
                // drain what producers published before they were stopped
            }
            if (flushOnStop) {
                engine.flush();
                monitor.reportTotal();
            }
            counts.copyFrom(engine);
        } catch (Exception e) {
            LOG.error("stream consumer stopped by an unexpected error", e);
        } finally {
            stopped.countDown();
        }
    }

    private void tick() {
        try {
            onTick(engine, clock, watermarkDelayMillis);
        } catch (RuntimeException e) {
            stageErrorCount++;
            stageErrors.warn("tick", "closing windows failed: {}", e.toString());
        }
        long now = System.nanoTime();
        lastTickNanos = now;
        StreamMetrics m = monitor.onTick(now, clock.wallMillis(), clock);
        if (m != null) {
            counts.copyFrom(engine);
            metrics = m;
        }
    }

    /**
     * One wall-clock tick: a backward jump closes every open window and restarts the watermark at
     * the new time (otherwise every reading until the clock caught up would be late); a forward
     * jump just moves the watermark, closing the windows it passes. Package-visible for tests.
     */
    static void onTick(WindowEngine engine, ClockWatch clock, long watermarkDelayMillis) {
        long jump = clock.check();
        long watermark = clock.wallMillis() - watermarkDelayMillis;
        if (jump < 0) {
            engine.restartAt(watermark);
        }
        engine.clockUnsynced(clock.unsynced());
        engine.advanceWatermark(watermark);
    }

    /** Stops after draining the ring and closing every open window. Call after stopping the drivers. */
    @Override
    public void close() {
        stop();
    }

    /**
     * A reload's stop: drains the ring into the engine but leaves its windows open, for the next
     * engine to {@link WindowEngine#adopt}. Call once nothing offers into this ring any more; when it
     * returns the engine is the caller's (blocks up to 10 s).
     */
    public void closeKeepingWindows() {
        flushOnStop = false;
        stop();
    }

    private void stop() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                if (!stopped.await(10, TimeUnit.SECONDS)) {
                    LOG.error("stream consumer did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
