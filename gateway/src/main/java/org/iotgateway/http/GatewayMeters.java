package org.iotgateway.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.iotgateway.driver.SensorState;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;

/**
 * {@code /metrics}: the pipeline's counters and gauges in Prometheus text format, through
 * Micrometer. Every meter reads the {@link StatusSource} when scraped, so nothing is updated on
 * the hot path. Names are listed in gateway/docs/status-page.md. HTTP threads; {@link #scrape} is synchronized
 * (it registers meters for input-reject reasons that appeared since the last scrape).
 */
final class GatewayMeters {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final StatusSource src;
    private final Set<String> rejectKeys = new HashSet<>();

    GatewayMeters(StatusSource src, HealthCheck health) {
        this.src = src;
        for (ChannelInfo c : src.channels()) {
            channel(c);
        }
        stream();
        outbox();
        broker();
        src.sensors().keySet().forEach(this::sensor);
        gauge("iotgateway.healthy", s -> health.check().healthy() ? 1 : 0, "1 while /health answers 200");
        new JvmMemoryMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    synchronized String scrape() {
        for (String key : src.inputRejects().keySet()) {
            if (rejectKeys.add(key)) {
                int slash = key.indexOf('/');
                FunctionCounter.builder("iotgateway.sensor.input.rejected", src, s -> s.inputRejects().getOrDefault(key, 0L))
                        .tags("sensor", key.substring(0, slash), "reason", key.substring(slash + 1))
                        .description("input a driver could not turn into a reading").register(registry);
            }
        }
        return registry.scrape();
    }

    private void channel(ChannelInfo c) {
        int id = c.id();
        String[] tags = {"sensor", c.sensor(), "channel", c.channel()};
        channelCounter("offered", tags, s -> s.counts(id).accepted() + s.dropped(id), "readings drivers offered");
        channelCounter("accepted", tags, s -> s.counts(id).accepted(), "readings that reached the engine");
        channelCounter("aggregated", tags, s -> s.counts(id).aggregated(), "readings that went into a window");
        channelCounter("dropped", tags, s -> s.dropped(id), "readings dropped: the ring was full");
        channelCounter("rejected", tags, s -> s.counts(id).rejected(), "readings rejected: not finite, or by a filter");
        channelCounter("filtered", tags, s -> s.counts(id).filtered(), "readings a filter decided were not needed");
        channelCounter("late", tags, s -> s.counts(id).late(), "readings whose window had closed");
    }

    private void channelCounter(String what, String[] tags, ToDoubleFunction<StatusSource> f, String help) {
        FunctionCounter.builder("iotgateway.readings." + what, src, f).tags(tags).description(help).register(registry);
    }

    private void stream() {
        gauge("iotgateway.stream.ingest.per.second", s -> s.stream().ingestPerSecond(), "readings offered per second");
        gauge("iotgateway.stream.processed.per.second", s -> s.stream().processedPerSecond(),
                "readings the engine processed per second");
        gauge("iotgateway.ring.occupancy", s -> s.stream().occupancy(), "ring slots in use");
        gauge("iotgateway.ring.capacity", s -> s.stream().capacity(), "ring slots");
        gauge("iotgateway.stream.overloaded", s -> s.stream().overloaded() ? 1 : 0,
                "1 while the ring is over 80 % full or dropping readings");
        gauge("iotgateway.clock.unsynced", s -> s.stream().clockUnsynced() ? 1 : 0, "1 while the system clock is not synchronised");
        counter("iotgateway.clock.jumps", s -> s.stream().clockJumps(), "wall-clock jumps detected");
    }

    private void outbox() {
        gauge("iotgateway.outbox.depth", s -> s.outbox().depth(), "aggregates owed to the broker");
        TimeGauge.builder("iotgateway.outbox.oldest.age", src, TimeUnit.MILLISECONDS,
                        s -> Math.max(0, s.outbox().oldestAgeMillis()))
                .description("age of the oldest aggregate owed to the broker (0 when none)").register(registry);
        counter("iotgateway.outbox.appended", s -> s.outbox().appended(), "aggregates handed to the outbox");
        counter("iotgateway.outbox.published", s -> s.outbox().acked(), "aggregates the broker acknowledged");
        counter("iotgateway.outbox.published.unstored", s -> s.outbox().publishedUnstored(),
                "aggregates the broker acknowledged while the store was unusable (sent from memory)");
        gauge("iotgateway.outbox.store.usable", s -> s.outbox().storeUsable() ? 1 : 0,
                "0 while the store is unusable (disk full): aggregates are held in memory");
        gauge("iotgateway.outbox.held", s -> s.outbox().heldInMemory(), "aggregates held in memory, store unusable");
        counter("iotgateway.outbox.write.failures", s -> s.outbox().writeFailures(),
                "failed outbox writes: store outages and failed attempts to reopen it");
        loss("evicted-size", OutboxStats::evictedForSize);
        loss("evicted-age", OutboxStats::evictedForAge);
        loss("rejected", OutboxStats::rejected);
        loss("dead-lettered", OutboxStats::deadLettered);
        loss("dropped-queue-full", OutboxStats::queueFullDrops);
        loss("lost-unstored", OutboxStats::lostUnstored);
        for (LossReason r : LossReason.values()) {
            FunctionCounter.builder("iotgateway.outbox.ledger.lost", src, s -> s.outbox().losses().total(r))
                    .tag("reason", r.wire()).description("aggregates the outbox file's loss ledger recorded since the"
                            + " file was created, by reason; at most (power-cut, crash: seq ranges skipped at a start)")
                    .register(registry);
        }
    }

    private void loss(String reason, ToDoubleFunction<OutboxStats> f) {
        FunctionCounter.builder("iotgateway.outbox.losses", src, s -> f.applyAsDouble(s.outbox())).tag("reason", reason)
                .description("aggregates the outbox lost, by reason (names as in the status topic)").register(registry);
    }

    private void broker() {
        gauge("iotgateway.broker.connected", s -> s.broker().connected() ? 1 : 0, "1 while connected to the broker");
        counter("iotgateway.broker.connects", s -> s.broker().connects(), "successful broker connects");
        counter("iotgateway.broker.reconnects", s -> Math.max(0, s.broker().connects() - 1), "connects after the first");
        counter("iotgateway.broker.publish.failures", s -> s.broker().failed(),
                "publishes cut off by a lost connection (resent from the outbox)");
        for (String reason : src.broker().refused().keySet()) {
            FunctionCounter.builder("iotgateway.broker.refused", src, s -> s.broker().refused().getOrDefault(reason, 0L))
                    .tag("reason", reason).description("publishes the broker would not take, by reason (never counted"
                            + " as published)").register(registry);
        }
        counter("iotgateway.broker.session.taken.over", s -> s.broker().takeovers(),
                "disconnects because another client connected with our client id (0x8E)");
    }

    private void sensor(String id) {
        for (SensorState state : SensorState.values()) {
            Gauge.builder("iotgateway.sensor.state", src, s -> is(s.sensors().get(id), state) ? 1 : 0).strongReference(true)
                    .tags("sensor", id, "state", state.name().toLowerCase(Locale.ROOT))
                    .description("1 for the sensor's current link state").register(registry);
        }
        Gauge.builder("iotgateway.sensor.stale", src, s -> s.sensors().get(id).stale() ? 1 : 0).strongReference(true)
                .tag("sensor", id).description("1 while the sensor is silent past its stale-after").register(registry);
    }

    private static boolean is(SensorStatus s, SensorState state) {
        return s != null && s.state() == state;
    }

    private void gauge(String name, ToDoubleFunction<StatusSource> f, String help) {
        Gauge.builder(name, src, f).strongReference(true).description(help).register(registry);
    }

    private void counter(String name, ToDoubleFunction<StatusSource> f, String help) {
        FunctionCounter.builder(name, src, f).description(help).register(registry);
    }
}
