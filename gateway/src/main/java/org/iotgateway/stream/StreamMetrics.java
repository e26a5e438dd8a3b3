package org.iotgateway.stream;

/**
 * A snapshot of the stream's health, taken about once a second by the consumer thread while it
 * works (and brought up to date from the ring's counters while it sleeps); any thread may read the
 * latest one ({@link StreamConsumer#metrics()}), e.g. for the status topic.
 *
 * @param atMillis wall-clock time of the snapshot
 * @param ingestPerSecond readings offered by drivers per second (published + dropped) over the last interval
 * @param processedPerSecond readings the engine took off the ring per second over the last interval
 * @param occupancy ring slots in use at the snapshot
 * @param capacity ring slots
 * @param dropped readings dropped so far because the ring was full (all channels)
 * @param overloaded occupancy stayed above 80 % for the last second, or readings were dropped in it
 * @param clockUnsynced the system clock is not synchronised (aggregates are flagged)
 * @param clockJumps wall-clock jumps detected so far
 */
public record StreamMetrics(long atMillis, double ingestPerSecond, double processedPerSecond, long occupancy,
                            int capacity, long dropped, boolean overloaded, boolean clockUnsynced, long clockJumps) {
    public static final StreamMetrics NONE = new StreamMetrics(0, 0, 0, 0, 0, 0, false, false, 0);
}
