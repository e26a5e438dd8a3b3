package org.iotgateway.replay;

import java.util.List;
import java.util.Map;
import org.iotgateway.stream.ChannelCounts;

/**
 * What a replay did. Every data line (after the header) is either accepted or rejected for one
 * reason: {@code rowsRead == accepted + rowsRejected()}. Accepted rows reach the engine, which counts
 * those it did not aggregate (late, filtered, rejected by a filter) per channel.
 *
 * @param rowsRead data lines read, blank ones included, the header not
 * @param accepted rows handed to the engine
 * @param rejects per reason with a non-zero count, the number of rows
 * @param firstRejectedLines per reason, the first few 1-based line numbers (header = line 1)
 * @param channelCounts per {@code sensor/channel}, in config order, the engine's counters
 * @param aggregates JSON lines written
 * @param elapsedNanos wall time of the whole replay, opening the input included
 */
public record ReplayResult(long rowsRead, long accepted, Map<RejectReason, Long> rejects,
                           Map<RejectReason, List<Long>> firstRejectedLines,
                           Map<String, ChannelCounts> channelCounts, long aggregates, long elapsedNanos) {
    public ReplayResult {
        rejects = Map.copyOf(rejects);
        firstRejectedLines = Map.copyOf(firstRejectedLines);
        channelCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channelCounts));
    }

    public long rowsRejected() {
        return rejects.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(RejectReason reason) {
        return rejects.getOrDefault(reason, 0L);
    }

    /** Accepted rows that arrived after their window had closed. */
    public long late() {
        return channelCounts.values().stream().mapToLong(ChannelCounts::late).sum();
    }

    /** Accepted rows a filter dropped as not needed. */
    public long filtered() {
        return channelCounts.values().stream().mapToLong(ChannelCounts::filtered).sum();
    }

    /** Accepted rows a filter (or the engine, for non-finite values) rejected as invalid. */
    public long rejectedByFilters() {
        return channelCounts.values().stream().mapToLong(ChannelCounts::rejected).sum();
    }

    public double rowsPerSecond() {
        return elapsedNanos == 0 ? 0 : rowsRead * 1e9 / elapsedNanos;
    }
}
