package org.iotgateway.http;

import java.util.List;
import java.util.Map;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.mqtt.PublisherStats;
import org.iotgateway.mqtt.StatusReporter;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.ReadingCounts;
import org.iotgateway.stream.StreamMetrics;
import org.iotgateway.wire.StatusJson;

/**
 * The JSON behind the status page: {@code /status.json} (health, broker, stream, outbox, reading
 * totals, sensors with their channels' last values and counters) and {@code /history.json} (each
 * channel's last hour). The "outbox" section is the status topic's own. Pure: renders what it is
 * given; HTTP threads.
 */
final class StatusDocument {
    private StatusDocument() {
    }

    static String status(StatusSource src, History history, HealthCheck.Verdict health, long nowMillis) {
        List<ChannelInfo> channels = src.channels();
        ReadingCounts[] counts = new ReadingCounts[channels.size()];
        ReadingCounts total = ReadingCounts.ZERO;
        for (ChannelInfo c : channels) {
            counts[c.id()] = ReadingCounts.of(src.counts(c.id()), src.dropped(c.id()));
            total = total.plus(counts[c.id()]);
        }
        ReadingCounts totals = total;
        StatusJson j = new StatusJson().field("gateway", src.gatewayId()).field("now", nowMillis);
        j.object("health", h -> h.field("ok", health.healthy()).field("reason", health.reason()));
        j.object("broker", b -> broker(b, src.broker()));
        j.object("stream", s -> stream(s, src.stream()));
        j.object("outbox", o -> StatusReporter.outbox(o, src.outbox()));
        j.object("readings", r -> StatusReporter.readings(r, totals));
        j.object("input-rejected", r -> src.inputRejects().forEach(r::field));
        j.array("sensors", src.sensors().entrySet(), (s, e) -> sensor(s, e, channels, counts, history));
        return j.render();
    }

    static String history(StatusSource src, History history, long nowMillis) {
        long end = (ChannelHistory.bucket(nowMillis) + 1) * ChannelHistory.STEP_MILLIS;
        return new StatusJson().field("step-ms", ChannelHistory.STEP_MILLIS).field("end", end)
                .array("channels", src.channels(), (j, c) -> j.field("sensor", c.sensor()).field("channel", c.channel())
                        .numbers("v", history.channel(c.id()).lastHour(nowMillis)))
                .render();
    }

    private static void broker(StatusJson b, PublisherStats p) {
        b.field("connected", p.connected()).field("broker", p.broker()).field("connects", p.connects())
                .field("reconnects", Math.max(0, p.connects() - 1)).field("failovers", p.failovers())
                .field("published", p.published()).field("failed", p.failed())
                .field("client-id-conflict", p.clientIdConflict());
    }

    private static void stream(StatusJson s, StreamMetrics m) {
        s.field("ingest-per-s", m.ingestPerSecond()).field("processed-per-s", m.processedPerSecond())
                .field("occupancy", m.occupancy()).field("capacity", m.capacity()).field("overloaded", m.overloaded())
                .field("dropped", m.dropped()).field("clock-unsynced", m.clockUnsynced())
                .field("clock-jumps", m.clockJumps());
    }

    private static void sensor(StatusJson s, Map.Entry<String, SensorStatus> e, List<ChannelInfo> channels,
                               ReadingCounts[] counts, History history) {
        SensorStatus st = e.getValue();
        s.field("id", e.getKey()).field("state", st.state().name().toLowerCase()).field("stale", st.stale())
                .field("last-reading", st.lastReadingMillis());
        if (st.detail() != null) {
            s.field("detail", st.detail());
        }
        List<ChannelInfo> own = channels.stream().filter(c -> c.sensor().equals(e.getKey())).toList();
        s.array("channels", own, (j, c) -> {
            ChannelHistory h = history.channel(c.id());
            ReadingCounts n = counts[c.id()];
            j.field("id", c.channel()).field("unit", c.unit()).field("last", h.last()).field("last-end", h.lastEndMillis())
                    .field("offered", n.offered()).field("dropped", n.dropped()).field("rejected", n.rejected())
                    .field("filtered", n.filtered()).field("late", n.late());
        });
    }
}
