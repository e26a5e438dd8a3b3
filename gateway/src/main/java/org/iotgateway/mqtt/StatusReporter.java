package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.wire.StatusJson;

/**
 * Builds the retained status message: state, gateway, since, boot, then an "outbox" section
 * (backlog and every kind of loss) and whatever sections other parts of the gateway add with
 * {@link #addSection}. {@link #online} runs on the supervisor thread; {@code addSection} on the
 * start-up thread before {@code start}. Neither blocks.
 */
public final class StatusReporter {
    private final String gatewayId;
    private final Outbox outbox;
    private final Instant since = Instant.now();
    private final List<Consumer<StatusJson>> sections = new CopyOnWriteArrayList<>();

    StatusReporter(String gatewayId, Outbox outbox) {
        this.gatewayId = gatewayId;
        this.outbox = outbox;
    }

    void addSection(Consumer<StatusJson> section) {
        sections.add(section);
    }

    byte[] online() {
        StatusJson j = new StatusJson().field("state", "online").field("gateway", gatewayId)
                .field("since", since.toString()).field("boot", outbox.boot());
        j.object("outbox", o -> outbox(o, outbox.stats()));
        sections.forEach(s -> s.accept(j));
        return j.render().getBytes(StandardCharsets.UTF_8);
    }

    /** The "outbox" section; the local status page shows the same. Any thread. */
    public static void outbox(StatusJson o, OutboxStats s) {
        o.field("depth", s.depth()).field("oldest-age-ms", s.oldestAgeMillis()).field("last-seq", s.lastSeq())
                .field("oldest-seq", s.oldestPendingSeq()).field("published", s.acked())
                .field("evicted-size", s.evictedForSize()).field("evicted-age", s.evictedForAge())
                .field("rejected", s.rejected()).field("dead-lettered", s.deadLettered())
                .field("dropped-queue-full", s.queueFullDrops()).field("write-failures", s.writeFailures());
    }
}
