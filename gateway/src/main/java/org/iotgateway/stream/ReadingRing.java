package org.iotgateway.stream;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.util.Doorbell;

/**
 * The bounded ring buffer between drivers and the engine: many producers, one consumer,
 * preallocated slots (LMAX Disruptor). When it is full, the offered reading is dropped and counted
 * for its channel: at once ({@code drop-newest}; producers never wait), or after the producer waited
 * up to a bounded time for a free slot ({@code block}). {@code drop-oldest} is not offered: in a
 * multi-producer Disruptor only the consumer may free a slot, so a producer cannot evict the oldest
 * reading without racing the consumer.
 *
 * <p>{@link #offer} is called from any driver thread. Per channel, offered = accepted + dropped,
 * where accepted is counted by the engine, so the success path touches no shared counter.
 *
 * <p>An idle consumer sleeps in {@link #awaitReadings} instead of polling; the producer whose
 * reading lands in the empty ring wakes it ({@link Doorbell}). Producers pay one volatile read per
 * offer for that (a plain load on x86 and arm64: it is written only when the consumer falls asleep
 * or wakes).
 */
public final class ReadingRing implements ReadingSink {
    private final RingBuffer<ReadingSlot> ring;
    private final AtomicLongArray dropped;
    private final RejectCounter rejects;
    private final EventPoller<ReadingSlot> poller;

    private final long blockNanos;
    /** Drops of channels a reload removed, so the total never goes back. */
    private final AtomicLong retiredDrops = new AtomicLong();
    private final Doorbell doorbell = new Doorbell();
    /** A reading is claimed that the consumer has not taken: published, or about to be. */
    private final BooleanSupplier claimed;

    /** A {@code drop-newest} ring. */
    public ReadingRing(int capacity, int channels, RejectCounter rejects) {
        this(capacity, channels, rejects, 0);
    }

    /**
     * @param blockNanos how long {@link #offer} waits for a free slot before dropping; 0 for
     *        {@code drop-newest}
     */
    public ReadingRing(int capacity, int channels, RejectCounter rejects, long blockNanos) {
        // Nothing ever waits on the ring's wait strategy (the consumer polls, and sleeps in
        // awaitReadings), so use one whose wake-up signal is a no-op: the default blocking strategy
        // takes a monitor on every publish for nobody.
        this.ring = RingBuffer.createMultiProducer(ReadingSlot::new, capacity, new BusySpinWaitStrategy());
        // Gate producers on the consumer from the start: without a gating sequence a Disruptor
        // ring has no bound at all and would overwrite unread slots.
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.dropped = new AtomicLongArray(channels);
        this.rejects = rejects;
        this.blockNanos = blockNanos;
        this.claimed = () -> ring.getCursor() != poller.getSequence().get();
    }

    @Override
    public boolean offer(int channel, long epochMillis, double value) {
        if (channel < 0 || channel >= dropped.length()) {
            throw new IllegalArgumentException("no channel with id " + channel);
        }
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            seq = blockNanos > 0 ? waitForSlot() : -1;
            if (seq < 0) {
                dropped.incrementAndGet(channel);
                return false;
            }
        }
        ReadingSlot s = ring.get(seq);
        s.channel = channel;
        s.ts = epochMillis;
        s.value = value;
        ring.publish(seq);
        doorbell.ring();
        return true;
    }

    /**
     * The consumer thread, after it found the ring empty: sleeps until a producer offers a reading,
     * {@code nanos} pass, or the thread is unparked (stop). Returns at once if a reading is already
     * claimed. A producer rings after claiming its slot (a CAS on the cursor, a full fence), which is
     * what the doorbell's handshake needs.
     */
    void awaitReadings(long nanos) {
        doorbell.await(nanos, claimed);
    }

    /** Retries with short parks until a slot frees up or the bounded wait is over; -1 then. */
    private long waitForSlot() {
        long deadline = System.nanoTime() + blockNanos;
        do {
            LockSupport.parkNanos(20_000);
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException stillFull) {
                // keep waiting
            }
        } while (System.nanoTime() - deadline < 0);
        return -1;
    }

    /** Readings published into the ring so far (all channels); any thread. */
    public long published() {
        return ring.getCursor() + 1;
    }

    /** Readings the consumer has taken off the ring so far; any thread. */
    public long consumed() {
        return poller.getSequence().get() + 1;
    }

    /** Readings dropped so far, all channels, including those carried over by reloads; any thread. */
    public long droppedTotal() {
        long total = retiredDrops.get();
        for (int c = 0; c < dropped.length(); c++) {
            total += dropped.get(c);
        }
        return total;
    }

    @Override
    public void reject(String sensor, String reason, String detail) {
        rejects.reject(sensor, reason, detail);
    }

    /** Readings of a channel dropped because the buffer was full; any thread. */
    public long dropped(int channel) {
        return dropped.get(channel);
    }

    /**
     * A reload: adds what the previous ring dropped for a kept channel, so offered = accepted +
     * dropped keeps holding across the reload; any thread.
     */
    public void carryDropped(int channel, long n) {
        dropped.addAndGet(channel, n);
    }

    /** A reload: adds the drops of channels it removed (already reported) to {@link #droppedTotal}. */
    public void carryRetiredDrops(long n) {
        retiredDrops.addAndGet(n);
    }

    /** The part of {@link #droppedTotal} that belongs to channels removed by reloads. */
    public long retiredDrops() {
        return retiredDrops.get();
    }

    public int channels() {
        return dropped.length();
    }

    /** Slots in use now (approximate under concurrency); any thread. */
    public long occupancy() {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    public int capacity() {
        return ring.getBufferSize();
    }

    /** The single consumer's view of the ring; only one thread may poll it. */
    EventPoller<ReadingSlot> poller() {
        return poller;
    }
}
