package org.iotgateway.stream;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.concurrent.atomic.AtomicLongArray;
import org.iotgateway.driver.ReadingSink;

/**
 * The bounded ring buffer between drivers and the engine: many producers, one consumer,
 * preallocated slots (LMAX Disruptor). When it is full, the offered reading is dropped and counted
 * for its channel ({@code drop-newest}); producers never wait.
 *
 * <p>{@link #offer} is called from any driver thread. Per channel, offered = accepted + dropped,
 * where accepted is counted by the engine, so the success path touches no shared counter.
 */
public final class ReadingRing implements ReadingSink {
    private final RingBuffer<ReadingSlot> ring;
    private final AtomicLongArray dropped;
    private final RejectCounter rejects;
    private final EventPoller<ReadingSlot> poller;

    public ReadingRing(int capacity, int channels, RejectCounter rejects) {
        this.ring = RingBuffer.createMultiProducer(ReadingSlot::new, capacity);
        // Gate producers on the consumer from the start: without a gating sequence a Disruptor
        // ring has no bound at all and would overwrite unread slots.
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.dropped = new AtomicLongArray(channels);
        this.rejects = rejects;
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
            dropped.incrementAndGet(channel);
            return false;
        }
        ReadingSlot s = ring.get(seq);
        s.channel = channel;
        s.ts = epochMillis;
        s.value = value;
        ring.publish(seq);
        return true;
    }

    @Override
    public void reject(String sensor, String reason, String detail) {
        rejects.reject(sensor, reason, detail);
    }

    /** Readings of a channel dropped because the buffer was full; any thread. */
    public long dropped(int channel) {
        return dropped.get(channel);
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
