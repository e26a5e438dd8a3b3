package org.iotgateway.config;

/**
 * When the outbox forces committed aggregates to stable storage; in YAML: batch, interval, os.
 * Every mode writes each batch into the file before the publisher may send it (a SIGKILL loses no
 * committed aggregate); they differ in what a power cut can lose.
 */
public enum SyncMode {
    /** fsync after every batch commit: a power cut loses nothing committed. Most SD-card wear. */
    BATCH,
    /** fsync at most once per {@code outbox.sync-interval}: a power cut loses at most that much. */
    INTERVAL,
    /** Never fsync; the OS writes back when it likes (Linux: within ~30 s). Least wear. */
    OS
}
