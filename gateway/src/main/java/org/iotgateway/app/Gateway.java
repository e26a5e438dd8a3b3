package org.iotgateway.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.OverflowPolicy;
import org.iotgateway.homeassistant.Discovery;
import org.iotgateway.http.BasicAuth;
import org.iotgateway.http.History;
import org.iotgateway.http.StatusServer;
import org.iotgateway.mqtt.GatewayIdentity;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.stream.ClockWatch;
import org.iotgateway.stream.CountTally;
import org.iotgateway.stream.StreamMetrics;
import org.iotgateway.stream.ReadingRing;
import org.iotgateway.stream.RejectCounter;
import org.iotgateway.stream.StreamConsumer;
import org.iotgateway.stream.WindowEngine;
import org.iotgateway.wire.TopicTemplate;
import org.iotgateway.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: drivers → ring → engine → outbox → publisher, wired from one config.
 * Started and closed from the main thread (close also from the shutdown hook).
 *
 * <p>Close order matters for "nothing lost": drivers stop first, the consumer drains the ring and
 * closes every open window into the outbox, the publisher stops, and the outbox commits and closes.
 * Whatever was not yet acknowledged by the broker is still in the outbox at the next start.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How long after a window's end it closes: readings normally reach the engine within ms. */
    static final long WATERMARK_DELAY_MILLIS = 500;

    private final GatewayConfig config;
    private final ChannelTable table;
    private final ReadingRing ring;
    private final WindowEngine engine;
    private final StreamConsumer consumer;
    private final Outbox outbox;
    private final MqttPublisher publisher;
    private final DriverSet drivers;
    private final ConsolePrinter printer;
    private final String[] topics;
    private final RejectCounter inputRejects = new RejectCounter();
    private final History history;
    private final BasicAuth statusAuth;
    private StatusServer statusServer;
    private boolean closed;

    private Gateway(GatewayConfig config, String configSha256, boolean print, PrintStream stdout) {
        this.config = config;
        String gatewayId = config.gateway().id();
        this.table = ChannelTable.of(config);
        TopicTemplate template = new TopicTemplate(config.mqtt().topic());
        List<ChannelInfo> channels = table.channels();
        this.topics = channels.stream().map(c -> template.topic(gatewayId, c.sensor(), c.channel())).toArray(String[]::new);
        // Before anything starts: an unreadable password file stops start-up like a config error.
        this.statusAuth = config.http().enabled() ? BasicAuth.of(config.http()) : null;
        this.history = config.http().enabled() ? new History(channels.size()) : null;
        this.outbox = Outbox.open(config.outbox(), gatewayId);
        this.printer = print ? new ConsolePrinter(stdout, outbox) : null;
        this.ring = new ReadingRing(config.stream().capacity(), table.size(), inputRejects,
                config.stream().overflow() == OverflowPolicy.BLOCK ? config.stream().blockTimeout().toNanos() : 0);
        this.engine = new WindowEngine(channels, table.filters(), table.maxOpenWindows(WATERMARK_DELAY_MILLIS),
                this::onAggregate);
        this.consumer = new StreamConsumer(ring, engine, ClockWatch.system(), WATERMARK_DELAY_MILLIS);
        GatewayIdentity identity = GatewayIdentity.of(gatewayId, configSha256);
        this.publisher = MqttPublisher.create(config.mqtt(), identity, outbox);
        this.drivers = new DriverSet(config, table);
        CountTally counts = new CountTally(channels, consumer::counts, ring::dropped);
        publisher.addStatusSection(new StatusSections(consumer::metrics, counts::take, drivers.health()::snapshot,
                inputRejects::snapshot));
        publisher.addConnectMessages(Discovery.messages(config, identity));
    }

    /** Builds and starts everything; throws if the outbox cannot be opened. */
    public static Gateway start(GatewayConfig config, boolean print, PrintStream stdout) {
        return start(config, null, print, stdout);
    }

    /**
     * Builds and starts everything; throws if the outbox cannot be opened.
     *
     * @param configSha256 hash of the config file's bytes, for the status message; null if not from a file
     */
    public static Gateway start(GatewayConfig config, String configSha256, boolean print, PrintStream stdout) {
        Gateway g = new Gateway(config, configSha256, print, stdout);
        g.consumer.start();
        g.publisher.start();
        g.drivers.start(g.ring);
        g.startStatusPage();
        LOG.info("gateway {} running: {} sensors, {} channels, outbox {}, broker {}", config.gateway().id(),
                config.sensors().size(), g.table.size(), config.outbox().path(), config.mqtt().broker());
        return g;
    }

    /**
     * The status page is an extra: when its address cannot be bound (in use, not this machine's)
     * the gateway runs without it and says so, rather than stop collecting data.
     */
    private void startStatusPage() {
        if (history == null) {
            return;
        }
        GatewayStatus source = new GatewayStatus(config.gateway().id(), table.channels(), ring, consumer,
                drivers.health(), inputRejects, outbox, publisher);
        try {
            statusServer = StatusServer.start(config.http(), statusAuth, source, history);
        } catch (UncheckedIOException e) {
            LOG.error("status page not started: {}", e.getMessage());
        }
    }

    /** On the stream consumer thread. */
    private void onAggregate(Aggregate a) {
        if (history != null) {
            history.record(a);
        }
        WireMessage m = outbox.append(topics[a.channel().id()], a);
        if (printer != null && m != null) {
            printer.print(m.seq(), m.payload());
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("stopping: closing open windows and flushing the outbox");
        if (statusServer != null) {
            statusServer.close();
        }
        drivers.close();
        consumer.close();
        logCounts();
        publisher.close();
        outbox.close();
        if (printer != null) {
            printer.close();
        }
        LOG.info("stopped");
    }

    private void logCounts() {
        for (ChannelInfo c : table.channels()) {
            var n = engine.counts(c.id());
            long dropped = ring.dropped(c.id());
            if (dropped + n.rejected() + n.late() + n.filtered() > 0) {
                LOG.info("{}/{}: offered {}, aggregated {}, dropped {}, rejected {}, filtered {}, late {}",
                        c.sensor(), c.channel(), n.accepted() + dropped, n.aggregated(), dropped, n.rejected(),
                        n.filtered(), n.late());
            }
        }
    }

    /** Every sensor's health, for the status topic; any thread. */
    public java.util.Map<String, org.iotgateway.health.SensorStatus> sensorStatus() {
        return drivers.health().snapshot();
    }

    /** The stream's latest health snapshot (rates, occupancy, overload and clock flags); any thread. */
    public StreamMetrics streamMetrics() {
        return consumer.metrics();
    }

    GatewayConfig config() {
        return config;
    }
}
