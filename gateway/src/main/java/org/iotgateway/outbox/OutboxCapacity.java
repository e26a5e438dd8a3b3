package org.iotgateway.outbox;

import org.iotgateway.config.OutboxConfig;
import org.iotgateway.wire.WireMessage;

/**
 * How much the outbox holds, as its limits count it: the byte budget of stored aggregates and the
 * estimated bytes of one. {@code validate} uses the same numbers to tell how many hours of
 * aggregates fit. Pure.
 */
public final class OutboxCapacity {
    private OutboxCapacity() {
    }

    /**
     * Stored aggregates are kept under half of {@code max-bytes}: H2 keeps superseded chunks for its
     * retention time and compacts lazily, so the file runs up to about twice its live data.
     */
    public static long budgetBytes(OutboxConfig cfg) {
        return cfg.maxBytes().bytes() / 2;
    }

    /** The bytes one stored aggregate counts against the budget. */
    public static long rowBytes(WireMessage m) {
        return RowSize.of(m);
    }
}
