package org.iotgateway.stream;

/**
 * What became of the readings of one channel that reached the engine.
 * {@code accepted = aggregated + rejected + filtered + late}.
 */
public record ChannelCounts(long accepted, long rejected, long filtered, long late) {
    public long aggregated() {
        return accepted - rejected - filtered - late;
    }
}
