package org.iotgateway.outbox;

/** Why the outbox let an aggregate go without delivering it; {@link #wire} is its name in the status message. */
public enum LossReason {
    EVICTED_SIZE("evicted-size"),
    EVICTED_AGE("evicted-age"),
    REJECTED("rejected"),
    DROPPED_QUEUE_FULL("dropped-queue-full");

    private final String wire;

    LossReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
