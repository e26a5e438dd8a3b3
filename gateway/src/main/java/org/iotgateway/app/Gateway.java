package org.iotgateway.app;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.iotgateway.config.ConfigChanges;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.RemoteConfigSettings;
import org.iotgateway.health.SensorStatus;
import org.iotgateway.homeassistant.Discovery;
import org.iotgateway.http.BasicAuth;
import org.iotgateway.http.StatusServer;
import org.iotgateway.mqtt.GatewayIdentity;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.mqtt.RetainedMessage;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.stream.ClockWatch;
import org.iotgateway.stream.RejectCounter;
import org.iotgateway.stream.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: drivers → ring → engine → outbox → publisher, wired from one config and
 * rewired by {@link #reload}. The outbox, the drivers of unchanged sensors and (unless the
 * {@code mqtt} settings change) the publisher live as long as the gateway; the config-dependent
 * stream part is a {@link Pipeline} that a reload replaces, and the status page, which shows one
 * pipeline's channels, is restarted with it. The status message's sections read the current
 * pipeline on every publish.
 *
 * <p>Threads: {@link #start}, {@link #reload} and {@link #close} on the main, reload and shutdown
 * threads, one at a time (reload and close are synchronized); the accessors on any thread, always
 * answering for the config running now.
 *
 * <p>Close order matters for "nothing lost": drivers stop first, the consumer drains the ring and
 * closes every open window into the outbox, the publisher stops, and the outbox commits and closes.
 * Whatever was not yet acknowledged by the broker is still in the outbox at the next start.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Outbox outbox;
    private final ConsolePrinter printer;
    private final RejectCounter rejects = new RejectCounter();
    private final ClockWatch clock = ClockWatch.system();
    private final ReloadStatus reloadStatus = new ReloadStatus();
    private final DriverSet drivers;
    private volatile Pipeline pipeline;
    private volatile MqttPublisher publisher;
    private GatewayIdentity identity;
    private List<RetainedMessage> discovery;
    private BasicAuth statusAuth;
    private StatusServer statusServer;
    private final RemoteHooks remote;
    private boolean closed;

    private Gateway(GatewayConfig config, String configSha256, boolean print, PrintStream stdout, RemoteHooks remote) {
        this.remote = remote;
        // Before anything starts: an unreadable password file stops start-up like a config error.
        this.statusAuth = statusAuth(config);
        this.outbox = Outbox.open(config.outbox(), config.gateway().id());
        this.printer = print ? new ConsolePrinter(stdout, outbox) : null;
        this.pipeline = new Pipeline(config, outbox, printer, rejects, clock);
        this.drivers = new DriverSet();
        this.identity = GatewayIdentity.of(config.gateway().id(), configSha256);
        this.discovery = Discovery.messages(config, identity);
        this.publisher = publisherFor(config, identity, discovery);
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
        return start(config, configSha256, print, stdout, RemoteHooks.NONE);
    }

    /** {@link #start}, with remote configuration plugged in. */
    public static Gateway start(GatewayConfig config, String configSha256, boolean print, PrintStream stdout,
                                RemoteHooks remote) {
        Gateway g = new Gateway(config, configSha256, print, stdout, remote);
        g.pipeline.start();
        g.publisher.start();
        g.drivers.apply(g.drivers.prepare(config), g.pipeline.ring, g.pipeline.table);
        g.statusServer = g.startStatusPage(g.pipeline);
        LOG.info("gateway {} running: {} sensors, {} channels, outbox {}, broker {}", config.gateway().id(),
                config.sensors().size(), g.pipeline.table.size(), config.outbox().path(), config.mqtt().broker());
        return g;
    }

    /** A publisher on the gateway's outbox, with the status sections that read the current pipeline. */
    private MqttPublisher publisherFor(GatewayConfig config, GatewayIdentity id, List<RetainedMessage> connectMessages) {
        MqttPublisher p = MqttPublisher.create(config.mqtt(), id, outbox);
        p.addStatusSection(new StatusSections(() -> pipeline.metrics(), () -> pipeline.tally.take(),
                () -> drivers.health().snapshot(), rejects::snapshot));
        p.addStatusSection(reloadStatus::write);
        p.addStatusSection(remote::status);
        p.subscriptions(subscriptionsFor(config));
        p.addConnectMessages(connectMessages);
        List<String> expected = new java.util.ArrayList<>(pipeline.topics());
        expected.add(p.statusTopic());
        connectMessages.stream().filter(m -> m.payload().length > 0).forEach(m -> expected.add(m.topic()));
        p.expectTopics(expected);
        return p;
    }

    /** The config topic while remote configuration is on. */
    private Map<String, Consumer<byte[]>> subscriptionsFor(GatewayConfig c) {
        RemoteConfigSettings r = c.remoteConfig();
        return r.enabled() ? Map.of(r.topicFor(c.mqtt().topic(), c.gateway().id()), remote::message) : Map.of();
    }

    /** @throws org.iotgateway.util.SetupException if the status page's password file cannot be read */
    private static BasicAuth statusAuth(GatewayConfig config) {
        return config.http().enabled() ? BasicAuth.of(config.http()) : null;
    }

    /**
     * The status page of {@code p}'s channels, or null when it is off. It is an extra: when its
     * address cannot be bound (in use, not this machine's) the gateway runs without it and says so,
     * rather than stop collecting data.
     */
    private StatusServer startStatusPage(Pipeline p) {
        if (p.history == null) {
            return null;
        }
        GatewayStatus source = new GatewayStatus(p.config.gateway().id(), p.table.channels(), p.ring, p.consumer,
                drivers::health, rejects, outbox, () -> publisher);
        try {
            return StatusServer.start(p.config.http(), statusAuth, source, p.history);
        } catch (UncheckedIOException e) {
            LOG.error("status page not started: {}", e.getMessage());
            return null;
        }
    }

    private void stopStatusPage() {
        if (statusServer != null) {
            statusServer.close();
            statusServer = null;
        }
    }

    /**
     * Applies {@code next} without a restart (see config/README.md, "Reload"): the outbox stays; drivers
     * of unchanged sensors run on, the others are stopped, started or restarted; unchanged channels
     * keep their open windows, the windows of removed or changed channels are emitted now; changed
     * {@code mqtt} settings reconnect the publisher on the same outbox; the status page restarts on
     * the new channels and Home Assistant discovery follows them. Everything that can fail (creating
     * drivers, the TLS material, the status page's password file) is tried before anything changes.
     *
     * @param sha256 the new config file's hash, for the status message
     * @return what changed, for the log
     * @throws ReloadRefused when {@code next} cannot be applied live; the gateway runs on unchanged
     */
    public synchronized String reload(GatewayConfig next, String sha256) throws ReloadRefused {
        if (closed) {
            throw new ReloadRefused("the gateway is stopping");
        }
        Pipeline running = pipeline;
        List<String> restart = ConfigDiff.needsRestart(running.config, next);
        if (!restart.isEmpty()) {
            throw new ReloadRefused(String.join(", ", restart) + " changed: restart to apply");
        }
        if (next.equals(running.config)) {
            applied(sha256);
            return "no setting changed";
        }
        BasicAuth nextAuth;
        try {
            nextAuth = statusAuth(next);
        } catch (RuntimeException e) {
            throw new ReloadRefused(e.getMessage());
        }
        Pipeline fresh = new Pipeline(next, outbox, printer, rejects, clock);
        DriverSet.Change change;
        try {
            change = drivers.prepare(next);
        } catch (RuntimeException e) {
            throw new ReloadRefused("cannot create the drivers: " + e.getMessage());
        }
        GatewayIdentity nextIdentity = identity.withConfig(sha256);
        List<RetainedMessage> nextDiscovery = Discovery.messages(next, nextIdentity);
        List<String> mqttChanges = ConfigChanges.changedKeys("mqtt", running.config.mqtt(), next.mqtt());
        MqttPublisher nextPublisher = null;
        if (!mqttChanges.isEmpty()) {
            try {
                nextPublisher = publisherFor(next, nextIdentity, RetainedMessage.replacing(discovery, nextDiscovery));
            } catch (RuntimeException e) {
                change.abandon();
                throw new ReloadRefused(e.getMessage());
            }
        }
        // Nothing has changed up to here; from here on the new config is applied.
        stopStatusPage();
        drivers.apply(change, fresh.ring, fresh.table);
        int keptWindows = fresh.takeOver(running);
        pipeline = fresh;
        statusAuth = nextAuth;
        statusServer = startStatusPage(fresh);
        if (nextPublisher != null) {
            publisher.close();
            publisher = nextPublisher;
            nextPublisher.start();
        } else {
            publisher.replaceConnectMessages(nextDiscovery);
            publisher.subscriptions(subscriptionsFor(next));
        }
        discovery = nextDiscovery;
        applied(sha256);
        return "sensors " + change.summary() + "; " + keptWindows + " of " + running.table.size()
                + " channels kept their open windows; "
                + (nextPublisher == null ? "mqtt unchanged" : "publisher reconnecting (" + mqttChanges + " changed)");
    }

    private void applied(String sha256) {
        identity = identity.withConfig(sha256);
        publisher.identity(identity);
        reloadStatus.applied();
        publisher.refreshStatus();
    }

    /** The reload thread: a reload was refused or failed; the status message says why. Non-blocking. */
    public void reloadFailed(String why) {
        reloadStatus.failed(why);
        publisher.refreshStatus();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("stopping: closing open windows and flushing the outbox");
        stopStatusPage();
        drivers.close();
        pipeline.close();
        publisher.close();
        outbox.close();
        if (printer != null) {
            printer.close();
        }
        LOG.info("stopped");
    }

    /** Every sensor's health, for the status topic; any thread. */
    public Map<String, SensorStatus> sensorStatus() {
        return drivers.health().snapshot();
    }

    /** The stream's latest health snapshot (rates, occupancy, overload and clock flags); any thread. */
    public StreamMetrics streamMetrics() {
        return pipeline.metrics();
    }

    /** The config running now; any thread. */
    public GatewayConfig config() {
        return pipeline.config;
    }

    /** The gateway id (as resolved at start: it changes only with a restart); any thread. */
    public String id() {
        return pipeline.config.gateway().id();
    }

    /** Why {@code next} cannot be applied by {@link #reload}, one entry per changed key; empty when it can. */
    public List<String> restartNeededFor(GatewayConfig next) {
        return ConfigDiff.needsRestart(pipeline.config, next);
    }

    /** Any thread, non-blocking: a QoS 1 message, not retained, on the current connection or the next. */
    public CompletableFuture<Void> publishEvent(String topic, byte[] payload) {
        return publisher.publishEvent(topic, payload);
    }

    /** Any thread: non-retained messages dropped unsent by the current MQTT client. */
    public long eventsDropped() {
        return publisher.eventsDropped();
    }

    /** Any thread: the state of the subscription to {@code topic} ("subscribed", "pending", "refused: ..."), or null. */
    public String subscriptionState(String topic) {
        return publisher.subscriptionState(topic);
    }

    /**
     * Any thread: a health check of the broker link from now on. It asks for a status refresh and
     * answers true once the broker has acknowledged a publish made after this call (on a publisher a
     * reload made since: any publish, its birth message first).
     */
    public BooleanSupplier healthProbe() {
        MqttPublisher p = publisher;
        long before = p.acknowledged();
        p.refreshStatus();
        return () -> {
            MqttPublisher now = publisher;
            return now == p ? now.acknowledged() > before : now.acknowledged() > 0;
        };
    }
}
