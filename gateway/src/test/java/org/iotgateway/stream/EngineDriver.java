package org.iotgateway.stream;

/** For benchmarks: drains the ring through the engine on the calling thread, as the consumer does. */
public final class EngineDriver {
    private final ReadingRing ring;
    private final WindowEngine engine;
    private final com.lmax.disruptor.EventPoller.Handler<ReadingSlot> handler;

    public EngineDriver(ReadingRing ring, WindowEngine engine) {
        this.ring = ring;
        this.engine = engine;
        this.handler = (slot, seq, end) -> {
            engine.onReading(slot.channel, slot.ts, slot.value);
            return true;
        };
    }

    public WindowEngine engine() {
        return engine;
    }

    public void drain() {
        try {
            ring.poller().poll(handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
