package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import java.util.List;
import org.iotgateway.stream.AggregateKind;

/**
 * @param id channel id, part of the topic
 * @param unit unit in the payload (default empty)
 * @param filters applied in order before windowing (default none)
 * @param window tumbling window size, epoch-aligned (default 1m)
 * @param aggregates payload keys (default count, min, max, mean, last)
 * @param params the driver's per-channel parameters, bound into the driver's own record
 */
public record ChannelConfig(String id, String unit, List<FilterConfig> filters, Duration window,
                            List<AggregateKind> aggregates, Record params) {
    public static final List<AggregateKind> DEFAULT_AGGREGATES = List.of(
            AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX, AggregateKind.MEAN, AggregateKind.LAST);

    public ChannelConfig {
        required(id, "id");
        Ids.checkId(id, "id");
        unit = unit == null ? "" : unit;
        filters = filters == null ? List.of() : List.copyOf(filters);
        window = window == null ? Duration.ofMinutes(1) : window;
        check(window.toMillis() >= 1, "window", "'window' must be at least 1ms");
        check(window.toMillis() <= Duration.ofDays(1).toMillis(), "window", "'window' must be at most 1d");
        aggregates = aggregates == null ? DEFAULT_AGGREGATES : List.copyOf(aggregates);
        check(!aggregates.isEmpty(), "aggregates", "'aggregates' needs at least one of count, min, max, mean, sum, first, last");
        check(aggregates.stream().distinct().count() == aggregates.size(), "aggregates", "'aggregates' lists one twice");
    }
}
