package org.iotgateway.config;

/** What the ring buffer does with a reading when it is full; in YAML: drop-newest. */
public enum OverflowPolicy {
    /** The reading being offered is dropped and counted; the producer never waits. */
    DROP_NEWEST
}
