package org.iotgateway.config;

/** What the ring buffer does with a reading when it is full; in YAML: block, drop-newest. */
public enum OverflowPolicy {
    /**
     * The producer waits up to {@code stream.block-timeout} for a free slot, then the reading is
     * dropped and counted. Slows a push driver down instead of losing a short burst.
     */
    BLOCK,
    /** The reading being offered is dropped and counted; the producer never waits. */
    DROP_NEWEST
}
