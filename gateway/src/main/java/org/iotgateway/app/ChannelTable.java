package org.iotgateway.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.FilterConfig;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.filter.Filter;
import org.iotgateway.stream.filter.FilterCatalog;

/**
 * The channels of a config, resolved once at start-up into dense integer ids: the hot path moves
 * ids, never strings. Immutable apart from the filter instances, which each belong to one channel.
 */
public final class ChannelTable {
    private final List<ChannelInfo> channels = new ArrayList<>();
    private final List<Filter[]> filters = new ArrayList<>();
    private final Map<String, Integer> idsByKey = new HashMap<>();

    public static ChannelTable of(GatewayConfig config) {
        ChannelTable t = new ChannelTable();
        for (SensorConfig s : config.sensors()) {
            for (ChannelConfig c : s.channels()) {
                int id = t.channels.size();
                t.channels.add(new ChannelInfo(id, s.id(), c.id(), c.unit(), c.window().toMillis(), c.aggregates(),
                        c.slide().toMillis(), c.allowedLateness().toMillis(), c.emptyWindows() == ChannelConfig.EmptyWindows.EMIT));
                t.filters.add(c.filters().stream().map(ChannelTable::createFilter).toArray(Filter[]::new));
                t.idsByKey.put(key(s.id(), c.id()), id);
            }
        }
        return t;
    }

    private static Filter createFilter(FilterConfig f) {
        return FilterCatalog.find(f.type())
                .orElseThrow(() -> new IllegalArgumentException("no filter named " + f.type()))
                .create(f.params());
    }

    public List<ChannelInfo> channels() {
        return List.copyOf(channels);
    }

    /** Per channel id, its filter chain; fresh instances belong to one engine only. */
    public List<Filter[]> filters() {
        return List.copyOf(filters);
    }

    /** The id of {@code sensor/channel}, or -1. */
    public int idOf(String sensor, String channel) {
        return idsByKey.getOrDefault(key(sensor, channel), -1);
    }

    public int size() {
        return channels.size();
    }

    /** Windows a channel may have open at once, given how late a reading may be. */
    public int maxOpenWindows(long latenessMillis) {
        long smallest = channels.stream().filter(c -> !c.unwindowed()).mapToLong(ChannelInfo::slideMillis).min().orElse(1);
        return (int) Math.min(64, latenessMillis / smallest + 2);
    }

    private static String key(String sensor, String channel) {
        return sensor + '\u0000' + channel;
    }
}
