package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.iotgateway.outbox.LossHistory;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.StatusJson;

/**
 * Builds the retained status message. There is one shape, always complete: a subscriber reads the
 * retained message alone and learns everything, whether it is the birth message sent on a connect,
 * a periodic health refresh, or the final one of a clean stop. Only {@code kind} tells them apart.
 * The last will is the identity part alone, since it is fixed when the connection is made.
 * <p>
 * Threads: {@link #addSection} on the start-up thread before the publisher starts; the rest on the
 * supervisor thread (or the shutdown thread for {@link #stopped}). Nothing blocks.
 */
public final class StatusReporter {
    static final String BIRTH = "birth";
    static final String HEALTH = "health";

    /** Replaced by a reload (the config hash); the last will keeps the one of its connect. */
    private volatile GatewayIdentity id;
    private final Outbox outbox;
    private final long startNanos = System.nanoTime();
    private final List<Consumer<StatusJson>> sections = new CopyOnWriteArrayList<>();

    StatusReporter(GatewayIdentity id, Outbox outbox) {
        this.id = id;
        this.outbox = outbox;
    }

    /** Any thread. */
    void identity(GatewayIdentity next) {
        id = next;
    }

    void addSection(Consumer<StatusJson> section) {
        sections.add(section);
    }

    /** {@code kind}: {@link #BIRTH} or {@link #HEALTH}. */
    byte[] online(String kind, PublisherStats mqtt, String broker) {
        return full("online", kind, mqtt, broker);
    }

    /** The clean stop's message: everything, with the final counts. */
    byte[] stopped(PublisherStats mqtt, String broker) {
        return full("offline", "final", mqtt, broker);
    }

    /** The last will: registered at connect time, so it can only say who went away. */
    byte[] will() {
        return bytes(identity(new StatusJson().field("state", "offline").field("kind", "will")));
    }

    private byte[] full(String state, String kind, PublisherStats mqtt, String broker) {
        StatusJson j = identity(new StatusJson().field("state", state).field("kind", kind))
                .field("at", AggregatePayload.iso(System.currentTimeMillis()))
                .field("uptime-s", (System.nanoTime() - startNanos) / 1_000_000_000L);
        j.object("mqtt", m -> mqtt(m, mqtt, broker));
        sections.forEach(s -> s.accept(j));
        j.object("outbox", o -> outbox(o, outbox.stats()));
        return bytes(j);
    }

    /**
     * The "mqtt" section: the connection, what the broker took and what it refused (by reason, never
     * counted as published), session takeovers, its last DISCONNECT and its CONNACK limits.
     */
    private void mqtt(StatusJson m, PublisherStats s, String broker) {
        m.field("connected", s.connected()).field("broker", broker).field("protocol", s.protocol())
                .field("connects", s.connects()).field("reconnects", Math.max(0, s.connects() - 1))
                .field("connect-failures", s.connectFailures()).field("published", s.published())
                .field("failed", s.failed()).field("refused-total", s.refusedTotal())
                .object("refused", r -> s.refused().forEach(r::field))
                .field("session-taken-over", s.takeovers()).field("last-disconnect", s.lastDisconnect());
        BrokerLimits l = s.limits();
        if (l.stated()) {
            m.object("broker-limits", b -> b.field("receive-maximum", l.receiveMaximum())
                    .field("maximum-packet-size", l.maximumPacketSize()).field("retain-available", l.retainAvailable())
                    .field("maximum-qos", l.maximumQos()));
        }
    }

    private StatusJson identity(StatusJson j) {
        GatewayIdentity id = this.id;
        return j.field("gateway", id.gateway()).field("version", id.version()).field("boot", outbox.boot())
                .field("since", AggregatePayload.iso(id.started().toEpochMilli())).field("config", id.configHash());
    }

    private static byte[] bytes(StatusJson j) {
        return j.render().getBytes(StandardCharsets.UTF_8);
    }

    /** The "outbox" section; the local status page shows the same. Any thread. */
    public static void outbox(StatusJson o, OutboxStats s) {
        o.field("store", s.storeUsable() ? "ok" : "unusable").field("depth", s.depth())
                .field("oldest-age-ms", s.oldestAgeMillis()).field("last-seq", s.lastSeq())
                .field("oldest-seq", s.oldestPendingSeq()).field("held-in-memory", s.heldInMemory())
                .field("published", s.acked()).field("published-unstored", s.publishedUnstored())
                .field("evicted-size", s.evictedForSize()).field("evicted-age", s.evictedForAge())
                .field("rejected", s.rejected()).field("dead-lettered", s.deadLettered())
                .field("dropped-queue-full", s.queueFullDrops()).field("lost-unstored", s.lostUnstored())
                .field("write-failures", s.writeFailures())
                .object("ledger", l -> ledger(l, s.losses()));
    }

    /**
     * The outbox file's loss ledger: totals since the file was created (they survive restarts and
     * SIGKILL, unlike the per-boot counters above) and the newest losses with their seq ranges, so a
     * subscriber can match every gap it sees to a recorded loss. "counts": "at-most": a count can
     * include aggregates that were delivered after all (an unclean stop's range holds what was
     * published before it; an acknowledgement the stop took away lets an eviction count its row).
     */
    private static void ledger(StatusJson l, LossHistory h) {
        l.field("counts", "at-most");
        for (LossReason r : LossReason.values()) {
            l.field(r.wire(), h.total(r));
        }
        l.array("recent", h.recent(), (j, loss) -> j.field("first-seq", loss.firstSeq())
                .field("last-seq", loss.lastSeq()).field("reason", loss.reason().wire())
                .field("count", loss.count()).field("boot", loss.boot()));
    }

    /** The reading counts every status document shows, in one order: offered, then what became of them. */
    public static StatusJson readings(StatusJson j, org.iotgateway.stream.ReadingCounts n) {
        return j.field("offered", n.offered()).field("aggregated", n.aggregated()).field("dropped", n.dropped())
                .field("rejected", n.rejected()).field("filtered", n.filtered()).field("late", n.late());
    }
}
