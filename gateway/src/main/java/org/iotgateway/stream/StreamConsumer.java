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
 * <p>Everything the engine does happens on this thread, so the engine needs no locks. Under load it
 * polls the ring and ticks (clock, watermark, metrics) every 100 ms. When the ring stays empty for
 * a few spins it sleeps ({@link ReadingRing#awaitReadings}) until the next reading arrives (its
 * producer wakes it) or the next window is due, at most {@link #MAX_SLEEP_NANOS}: an idle gateway
 * costs a wake-up per reading batch and per window, not a fixed tick.
 */
public final class StreamConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Polls of an empty ring before sleeping: a burst's next reading is usually this close. */
    private static final int SPINS = 100;
    /**
     * The longest sleep without a reading or a due window: bounds how late a forward clock step
     * closes windows when no reading comes to tell (a reading wakes the thread, which checks the
     * clock before taking it).
     */
    static final long MAX_SLEEP_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Awake, a tick is due every 100 ms; this much silence means a stage is stuck. */
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
    /** Sleeping on an empty ring: not stuck, and takes no snapshots meanwhile. */
    private volatile boolean asleep;
    private long consumedAtCopy = -1;
    private long lastCopyNanos;
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

    /**
     * The latest health snapshot (at most about a second old while running); any thread. While the
     * consumer sleeps, a snapshot older than a second is brought up to date from the ring's counters.
     */
    public StreamMetrics metrics() {
        StreamMetrics m = metrics;
        long now = System.nanoTime();
        if (asleep && m != StreamMetrics.NONE && monitor.stale(now)) {
            return monitor.whileAsleep(now, System.currentTimeMillis(), m);
        }
        return m;
    }

    /**
     * A channel's counters as of the last copy: at most about a second old under load, complete
     * while the consumer sleeps (it copies them before it does); any thread.
     */
    public ChannelCounts counts(int channel) {
        return counts.get(channel);
    }

    /** Whether the thread runs and, unless asleep, has ticked in the last 5 s (not stuck in a stage); any thread. */
    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive() && (asleep || System.nanoTime() - lastTickNanos < STUCK_NANOS);
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
        int idle = 0;
        long nextTick = System.nanoTime();
        try {
            while (running) {
                boolean busy = poller.poll(handler) == EventPoller.PollState.PROCESSING;
                long now = System.nanoTime();
                if (now - nextTick >= 0) {
                    nextTick = now + TICK_NANOS;
                    tick(now);
                }
                if (busy) {
                    idle = 0;
                } else if (++idle < SPINS) {
                    Thread.onSpinWait();
                } else {
                    idle = 0;
                    sleep(now);
                    // Tick right after taking what woke the thread: a window may be due.
                    nextTick = System.nanoTime();
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

    /**
     * The ring is empty: closes what is due, publishes the counts, sleeps until a reading or the next
     * due window, then looks at the clock before taking the readings that woke it. A reading stamped
     * after a step of the wall clock must meet windows that already know about the step: taken
     * first, one stamped an hour back would be late, one stamped days ahead would push windows out.
     */
    private void sleep(long now) {
        tick(now);
        long nanos = sleepNanos();
        if (ring.consumed() != consumedAtCopy && (now - lastCopyNanos >= TICK_NANOS || nanos >= TICK_NANOS)) {
            // Readers see everything processed before a long sleep; a short one waits for the next copy.
            consumedAtCopy = ring.consumed();
            lastCopyNanos = now;
            counts.copyFrom(engine);
        }
        asleep = true;
        ring.awaitReadings(nanos);
        asleep = false;
        lastTickNanos = System.nanoTime();
        try {
            onWake(engine, clock, watermarkDelayMillis);
        } catch (RuntimeException e) {
            stageErrorCount++;
            stageErrors.warn("tick", "closing windows failed: {}", e.toString());
        }
    }

    /** Until the next window is due (1 ms late rather than early), at most {@link #MAX_SLEEP_NANOS}. */
    private long sleepNanos() {
        long max = metrics == StreamMetrics.NONE ? BackpressureMonitor.INTERVAL_NANOS : MAX_SLEEP_NANOS;
        long closeAt = engine.nextCloseAt();
        if (closeAt == Long.MAX_VALUE) {
            return max;
        }
        long millis = closeAt + watermarkDelayMillis - clock.wallMillis() + 1;
        return Math.max(0, Math.min(max, TimeUnit.MILLISECONDS.toNanos(millis)));
    }

    private void tick(long now) {
        try {
            onTick(engine, clock, watermarkDelayMillis);
        } catch (RuntimeException e) {
            stageErrorCount++;
            stageErrors.warn("tick", "closing windows failed: {}", e.toString());
        }
        lastTickNanos = now;
        StreamMetrics m = monitor.onTick(now, clock.wallMillis(), clock);
        if (m != null) {
            consumedAtCopy = ring.consumed();
            lastCopyNanos = now;
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
        checkClock(engine, clock, watermarkDelayMillis, true);
    }

    /**
     * Right after a sleep, before the readings that woke the thread: a clock jump meanwhile is
     * handled as a tick would (so those readings meet windows of the new time); without one the
     * watermark stays put until they are taken (they may belong to the window it would close).
     * Package-visible for tests.
     */
    static void onWake(WindowEngine engine, ClockWatch clock, long watermarkDelayMillis) {
        checkClock(engine, clock, watermarkDelayMillis, false);
    }

    /** Both of the above: the watermark moves on a tick always, on a wake only after a forward jump. */
    private static void checkClock(WindowEngine engine, ClockWatch clock, long watermarkDelayMillis, boolean tick) {
        long jump = clock.check();
        long watermark = clock.wallMillis() - watermarkDelayMillis;
        if (jump < 0) {
            engine.restartAt(watermark);
        }
        engine.clockUnsynced(clock.unsynced());
        if (tick || jump > 0) {
            engine.advanceWatermark(watermark);
        }
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
