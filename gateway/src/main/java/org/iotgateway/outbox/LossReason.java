package org.iotgateway.outbox;

/**
 * Why the outbox let an aggregate go without delivering it; {@link #wire} is its name in the status
 * message. {@link #POWER_CUT} and {@link #CRASH} are found at the start after an unclean stop: the
 * seqs skipped so that none the last run may have published is reused (their count is an upper
 * bound, see {@link SeqReservation}).
 */
public enum LossReason {
    EVICTED_SIZE("evicted-size"),
    EVICTED_AGE("evicted-age"),
    REJECTED("rejected"),
    DROPPED_QUEUE_FULL("dropped-queue-full"),
    POWER_CUT("power-cut"),
    CRASH("crash");

    private final String wire;

    LossReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
