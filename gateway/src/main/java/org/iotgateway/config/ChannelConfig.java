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
 * @param window window size, epoch-aligned (default 1m); {@code none} (bound as zero): no window,
 *        each filtered reading is forwarded on its own
 * @param slide how far apart windows start (default: the size, i.e. tumbling); must divide the size
 * @param allowedLateness how long after a window's end it still takes readings (default 0)
 * @param emptyWindows whether windows without readings are skipped or emitted with count 0 (default skip)
 * @param aggregates payload keys (default count, min, max, mean, last)
 * @param params the driver's per-channel parameters, bound into the driver's own record
 */
public record ChannelConfig(String id, String unit, List<FilterConfig> filters, Duration window, Duration slide,
                            Duration allowedLateness, EmptyWindows emptyWindows,
                            List<AggregateKind> aggregates, Record params) {
    public static final List<AggregateKind> DEFAULT_AGGREGATES = List.of(
            AggregateKind.COUNT, AggregateKind.MIN, AggregateKind.MAX, AggregateKind.MEAN, AggregateKind.LAST);
    /** At most this many windows of one channel overlap or wait for late readings (memory bound). */
    static final long MAX_OPEN_WINDOWS = 1000;

    /** What happens to a window without readings. */
    public enum EmptyWindows { SKIP, EMIT }

    public ChannelConfig {
        required(id, "id");
        Ids.checkId(id, "id");
        unit = unit == null ? "" : unit;
        filters = filters == null ? List.of() : List.copyOf(filters);
        window = window == null ? Duration.ofMinutes(1) : window;
        check(window.toMillis() <= Duration.ofDays(1).toMillis(), "window", "'window' must be at most 1d");
        if (window.isZero()) {
            check(slide == null && allowedLateness == null && emptyWindows == null, "window",
                    "'window: none' takes no 'slide', 'allowed-lateness' or 'empty-windows'");
        }
        slide = slide == null ? window : slide;
        check(window.isZero() || slide.toMillis() >= 1 && slide.compareTo(window) <= 0
                && window.toMillis() % slide.toMillis() == 0, "slide",
                "'slide' must be at least 1ms and divide 'window' (" + window.toMillis() + "ms), got " + slide.toMillis() + "ms");
        check(window.isZero() || window.toMillis() / slide.toMillis() <= MAX_OPEN_WINDOWS, "slide",
                "'slide' must be at least 1/" + MAX_OPEN_WINDOWS + " of 'window'");
        allowedLateness = allowedLateness == null ? Duration.ZERO : allowedLateness;
        check(window.isZero() || allowedLateness.toMillis() / slide.toMillis() <= MAX_OPEN_WINDOWS, "allowed-lateness",
                "'allowed-lateness' must be at most " + MAX_OPEN_WINDOWS + " slides (" + slide.toMillis() + "ms each)");
        emptyWindows = emptyWindows == null ? EmptyWindows.SKIP : emptyWindows;
        aggregates = aggregates == null ? DEFAULT_AGGREGATES : List.copyOf(aggregates);
        check(!aggregates.isEmpty(), "aggregates", "'aggregates' needs at least one of count, min, max, mean, sum, "
                + "first, last, stddev, twmean, rate, p50, p90, p95, p99");
        check(aggregates.stream().distinct().count() == aggregates.size(), "aggregates", "'aggregates' lists one twice");
    }

    /** A tumbling window without lateness, empty windows skipped. */
    public ChannelConfig(String id, String unit, List<FilterConfig> filters, Duration window,
                         List<AggregateKind> aggregates, Record params) {
        this(id, unit, filters, window, null, null, null, aggregates, params);
    }
}
