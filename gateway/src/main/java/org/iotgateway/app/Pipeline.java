package org.iotgateway.app;

import java.util.List;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.OverflowPolicy;
import org.iotgateway.http.History;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelCounts;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.ClockWatch;
import org.iotgateway.stream.CountTally;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.iotgateway.stream.StreamConsumer;
import org.iotgateway.stream.StreamMetrics;
import org.iotgateway.stream.WindowEngine;
import org.iotgateway.wire.TopicTemplate;
import org.iotgateway.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the running gateway that one config defines: channel table, topics, ring, window
 * engine and its consumer thread, feeding the gateway's outbox. A reload builds the next one and
 * lets it {@link #takeOver} from this one; the drivers, the outbox and the publisher outlive both.
 *
 * <p>Threads: built, started, taken over and closed on the start-up / reload / shutdown thread;
 * {@link #metrics()} on any thread; aggregates reach the outbox on the consumer thread (and, for
 * the windows a reload or a stop closes, on the thread doing that).
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** How long after a window's end it closes: readings normally reach the engine within ms. */
    static final long WATERMARK_DELAY_MILLIS = 500;

    final GatewayConfig config;
    final ChannelTable table;
    final ReadingRing ring;
    final StreamConsumer consumer;
    /** Reading counts per sensor and in total, for the status message; any thread. */
    final CountTally tally;
    /** The status page's last hour per channel; null when the page is off. */
    final History history;
    private final String[] topics;
    private final WindowEngine engine;
    private final Outbox outbox;
    private final ConsolePrinter printer;
    /** The previous pipeline's last metrics, shown until this consumer's first snapshot (about a second). */
    private volatile StreamMetrics carriedMetrics = StreamMetrics.NONE;

    /** Builds everything; starts nothing. {@code printer} may be null; the clock outlives pipelines. */
    Pipeline(GatewayConfig config, Outbox outbox, ConsolePrinter printer, RejectCounter rejects, ClockWatch clock) {
        this.config = config;
        this.outbox = outbox;
        this.printer = printer;
        this.table = ChannelTable.of(config);
        TopicTemplate template = new TopicTemplate(config.mqtt().topic());
        List<ChannelInfo> channels = table.channels();
        this.topics = channels.stream().map(c -> template.topic(config.gateway().id(), c.sensor(), c.channel()))
                .toArray(String[]::new);
        this.history = config.http().enabled() ? new History(channels.size()) : null;
        this.ring = new ReadingRing(config.stream().capacity(), table.size(), rejects,
                config.stream().overflow() == OverflowPolicy.BLOCK ? config.stream().blockTimeout().toNanos() : 0);
        this.engine = new WindowEngine(channels, table.filters(), table.maxOpenWindows(WATERMARK_DELAY_MILLIS),
                this::onAggregate);
        this.consumer = new StreamConsumer(ring, engine, clock, WATERMARK_DELAY_MILLIS);
        this.tally = new CountTally(channels, consumer::counts, ring::dropped);
    }

    void start() {
        consumer.start();
    }

    /** Every channel's topic, in channel id order. */
    List<String> topics() {
        return List.of(topics);
    }

    /** On the consumer thread; a channel's topic is the one of this pipeline's config. */
    private void onAggregate(Aggregate a) {
        if (history != null) {
            history.record(a);
        }
        WireMessage m = outbox.append(topics[a.channel().id()], a);
        if (printer != null && m != null) {
            printer.print(m.seq(), m.payload());
        }
    }

    /**
     * A reload, once nothing offers into {@code previous}'s ring any more: drains it, takes over
     * the open windows, filter state, counters, drops and status-page history of every channel the
     * new config kept unchanged, emits the windows of the others as a stop would (to their old
     * topics) and logs their final counts, then starts this pipeline's consumer.
     *
     * @return how many channels kept their windows
     */
    int takeOver(Pipeline previous) {
        previous.consumer.closeKeepingWindows();
        carriedMetrics = previous.metrics();
        int[] newIdOf = ConfigDiff.keptChannels(previous.config, previous.table, config, table);
        engine.adopt(previous.engine, newIdOf);
        if (history != null && previous.history != null) {
            history.adopt(previous.history, newIdOf);
        }
        long retiredDrops = previous.ring.retiredDrops();
        int kept = 0;
        for (int old = 0; old < newIdOf.length; old++) {
            long dropped = previous.ring.dropped(old);
            if (newIdOf[old] >= 0) {
                ring.carryDropped(newIdOf[old], dropped);
                kept++;
            } else {
                retiredDrops += dropped;
            }
        }
        ring.carryRetiredDrops(retiredDrops);
        previous.engine.flush();
        for (ChannelInfo c : previous.table.channels()) {
            if (newIdOf[c.id()] < 0) {
                LOG.info("reload: {}/{} {}, its open windows were emitted; final counts: {}", c.sensor(), c.channel(),
                        table.idOf(c.sensor(), c.channel()) < 0 ? "removed" : "changed", previous.counts(c));
            }
        }
        start();
        return kept;
    }

    /** Graceful stop, after the drivers stopped: drains the ring, closes every window, logs the losses. */
    void close() {
        consumer.close();
        for (ChannelInfo c : table.channels()) {
            var n = engine.counts(c.id());
            if (ring.dropped(c.id()) + n.rejected() + n.late() + n.filtered() > 0) {
                LOG.info("{}/{}: {}", c.sensor(), c.channel(), counts(c));
            }
        }
    }

    private String counts(ChannelInfo c) {
        ChannelCounts n = engine.counts(c.id());
        long dropped = ring.dropped(c.id());
        return "offered " + (n.accepted() + dropped) + ", aggregated " + n.aggregated() + ", dropped " + dropped
                + ", rejected " + n.rejected() + ", filtered " + n.filtered() + ", late " + n.late();
    }

    StreamMetrics metrics() {
        StreamMetrics m = consumer.metrics();
        return m == StreamMetrics.NONE ? carriedMetrics : m;
    }
}
