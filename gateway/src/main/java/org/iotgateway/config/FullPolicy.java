package org.iotgateway.config;

/** What the outbox does when it reaches {@code max-bytes}; in YAML: drop-oldest, reject-new. */
public enum FullPolicy {
    /** The oldest stored aggregates are evicted (counted) to make room: recent data wins. */
    DROP_OLDEST,
    /** New aggregates are rejected (counted) while the store is full: the backlog's start wins. */
    REJECT_NEW
}
