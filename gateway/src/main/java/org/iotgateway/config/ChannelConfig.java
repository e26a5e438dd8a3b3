package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;
import static org.iotgateway.driver.InvalidValueException.required;

import java.time.Duration;
import java.util.List;
import org.iotgateway.stream.AggregateKind;

/**
 * @param id channel id, part of the topic: letters, digits, {@code .}, {@code _}, {@code -}
 * @param unit unit written into each payload (default "")
 * @param filters applied in order before windowing; each item is {@code {type: NAME, ...}}
 *        (default: none)
 * @param window window size, aligned to the epoch; {@code none} (bound as zero): no window, every
 *        filtered reading is sent on its own (a door contact, a GPS fix) as an aggregate with
 *        {@code count} 1 covering its own millisecond (default 1m; range at most 1d)
 * @param slide how far apart windows start; less than the window makes sliding windows
 *        ({@code window: 1m}, {@code slide: 10s}: a 1-minute aggregate every 10 s); must divide the
 *        window, and at most 1000 windows overlap (default: the window, i.e. tumbling)
 * @param allowedLateness how long after its end a window still takes readings (on top of the 500 ms
 *        every window waits); later readings are counted as {@code late}; at most 1000 slides
 *        (default 0s)
 * @param emptyWindows whether a window without readings is skipped or sent with {@code count} 0 (and
 *        {@code null} for the other aggregates), from the channel's first reading on, so silence is
 *        visible (default skip)
 * @param aggregates payload keys, each at most once (default [count, min, max, mean, last])
 * @param params the driver's per-channel parameters (default: the driver's defaults)
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
