package org.iotgateway.lint;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iotgateway.app.ChannelTable;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.Durations;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.outbox.OutboxCapacity;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.TopicTemplate;
import org.iotgateway.wire.WireMessage;

/**
 * What the configured channels put into the outbox per hour while the broker is away: one
 * aggregate per window slide, or per reading for {@code window: none}; each counted with the bytes
 * the outbox's own limit counts for it ({@link OutboxCapacity#rowBytes}), for a payload rendered
 * with that channel's aggregates and long-but-typical numbers. An upper estimate: skipped empty
 * windows are not subtracted. Pure.
 *
 * @param aggregatesPerHour aggregates per hour over the channels whose rate is known
 * @param bytesPerHour their bytes per hour
 * @param unknownRate channels left out because their rate is set by the device (serial, window: none)
 */
public record OutboxLoad(double aggregatesPerHour, double bytesPerHour, int unknownRate) {
    private static final double HOUR_MILLIS = Duration.ofHours(1).toMillis();
    /** 17 significant digits, as a computed mean usually has. */
    private static final double TYPICAL = -1234.5678901234567;
    private static final long TYPICAL_SEQ = 10_000_000;
    private static final long TYPICAL_BOOT = 100;

    public static OutboxLoad of(GatewayConfig cfg) {
        List<ChannelInfo> infos = ChannelTable.of(cfg).channels();
        TopicTemplate topics = new TopicTemplate(cfg.mqtt().topic());
        double count = 0;
        double bytes = 0;
        int unknown = 0;
        int k = 0;
        for (SensorConfig s : cfg.sensors()) {
            for (ChannelConfig c : s.channels()) {
                ChannelInfo info = infos.get(k++);
                Optional<Double> perHour = perHour(s, c);
                if (perHour.isEmpty()) {
                    unknown++;
                    continue;
                }
                count += perHour.get();
                bytes += perHour.get() * rowBytes(topics.topic(cfg.gateway().id(), s.id(), c.id()), cfg, info);
            }
        }
        return new OutboxLoad(count, bytes, unknown);
    }

    /** Hours of aggregates the outbox holds before it evicts or rejects; empty when nothing is estimated. */
    public Optional<Double> hoursHeld(GatewayConfig cfg) {
        return bytesPerHour > 0 ? Optional.of(OutboxCapacity.budgetBytes(cfg.outbox()) / bytesPerHour) : Optional.empty();
    }

    /**
     * For validate's summary: how long a broker outage the outbox bridges, by size or, when that is
     * shorter, by {@code max-age}; empty when nothing is estimated.
     */
    public Optional<String> summary(GatewayConfig cfg) {
        return hoursHeld(cfg).map(h -> {
            Duration maxAge = cfg.outbox().maxAge();
            return h * HOUR_MILLIS > maxAge.toMillis()
                    ? "outbox keeps max-age " + Durations.format(maxAge) + " (room for about " + formatHours(h) + ")"
                    : "outbox holds about " + formatHours(h);
        });
    }

    /** Hours as printed: two significant digits, so a few minutes do not read as 0.00 h. */
    public static String formatHours(double hours) {
        return new BigDecimal(hours).round(new MathContext(2)).toPlainString() + " h";
    }

    private static Optional<Double> perHour(SensorConfig s, ChannelConfig c) {
        if (!c.window().isZero()) {
            return Optional.of(HOUR_MILLIS / c.slide().toMillis());
        }
        return SampleInterval.of(s, c).map(si -> HOUR_MILLIS * 1e6 / si.interval().toNanos());
    }

    private static long rowBytes(String topic, GatewayConfig cfg, ChannelInfo info) {
        long start = 1_767_225_600_000L; // any instant: the timestamps have a fixed width
        Aggregate a = new Aggregate(info, start, start + 60_000, 1000, TYPICAL, TYPICAL, TYPICAL, TYPICAL, TYPICAL,
                new Aggregate.Spread(TYPICAL, TYPICAL, TYPICAL, TYPICAL, TYPICAL, TYPICAL, TYPICAL), false);
        String payload = AggregatePayload.render(TYPICAL_SEQ, cfg.gateway().id(), TYPICAL_BOOT, a);
        return OutboxCapacity.rowBytes(new WireMessage(TYPICAL_SEQ, topic, payload));
    }
}
