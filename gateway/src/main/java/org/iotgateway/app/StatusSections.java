package org.iotgateway.app;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.stream.CountTally;
import org.iotgateway.mqtt.StatusReporter;
import org.iotgateway.stream.ReadingCounts;
import org.iotgateway.stream.StreamMetrics;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.StatusJson;

/**
 * The status message's {@code clock}, {@code stream} and {@code sensors} sections: the stream's
 * latest metrics snapshot (at most a second old), the reading counts per sensor, every sensor's
 * health, and the input each driver could not turn into readings. Runs on the MQTT supervisor
 * thread; reads snapshots only, never blocks.
 */
final class StatusSections implements Consumer<StatusJson> {
    private final Supplier<StreamMetrics> stream;
    private final Supplier<CountTally.Totals> counts;
    private final Supplier<Map<String, SensorStatus>> health;
    private final Supplier<Map<String, Long>> inputRejects;

    /** @param inputRejects {@code sensor/reason -> count}, as {@code RejectCounter.snapshot()} gives it */
    StatusSections(Supplier<StreamMetrics> stream, Supplier<CountTally.Totals> counts,
                   Supplier<Map<String, SensorStatus>> health, Supplier<Map<String, Long>> inputRejects) {
        this.stream = stream;
        this.counts = counts;
        this.health = health;
        this.inputRejects = inputRejects;
    }

    @Override
    public void accept(StatusJson j) {
        StreamMetrics m = stream.get();
        CountTally.Totals n = counts.get();
        j.object("clock", c -> c.field("synchronised", !m.clockUnsynced()).field("jumps", m.clockJumps()));
        j.object("stream", s -> StatusReporter.readings(s.field("ingest-per-s", twoDecimals(m.ingestPerSecond()))
                .field("processed-per-s", twoDecimals(m.processedPerSecond())).field("ring-used", m.occupancy())
                .field("ring-capacity", m.capacity()).field("overloaded", m.overloaded()), n.total()));
        Map<String, Map<String, Long>> rejects = bySensor(inputRejects.get());
        j.object("sensors", all -> health.get().forEach((id, st) -> all.object(id, s -> {
            long last = st.lastReadingMillis();
            s.field("state", st.state().name().toLowerCase(Locale.ROOT)).field("stale", st.stale())
                    .field("last-reading", last == 0 ? null : AggregatePayload.iso(last)).field("detail", st.detail());
            StatusReporter.readings(s, n.bySensor().getOrDefault(id, ReadingCounts.ZERO));
            s.object("input-rejected", r -> rejects.getOrDefault(id, Map.of()).forEach(
                    (reason, k) -> r.field(reason, k.longValue())));
        })));
    }

    /** Rates to two decimals: more digits are noise on a one-second sample. */
    private static double twoDecimals(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : v;
    }

    /** Sensor ids cannot contain '/', so the first one splits sensor from reason. */
    private static Map<String, Map<String, Long>> bySensor(Map<String, Long> flat) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        flat.forEach((key, n) -> {
            int cut = key.indexOf('/');
            out.computeIfAbsent(key.substring(0, cut), k -> new LinkedHashMap<>()).put(key.substring(cut + 1), n);
        });
        return out;
    }
}
