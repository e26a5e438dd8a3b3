package org.iotgateway.mqtt;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.config.BrokerOrder;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.wire.StatusJson;
import org.iotgateway.wire.TopicTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox's committed rows to the broker, in seq order, and confirms them back to the
 * outbox on PUBACK. Owns the {@link MqttLink} (MQTT 5 or 3.1.1), the reconnect supervisor and the
 * publisher thread.
 * <p>
 * Threads: {@link #create}, {@link #start} and {@link #close} are for the start-up / shutdown
 * thread ({@code close} blocks a few seconds at most); {@link #stats} for any thread, non-blocking.
 * Close the publisher before the outbox.
 */
public final class MqttPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    /** Paho runs its receiver, sender and callback loops as long tasks on this pool, plus pings. */
    private static final int PAHO_THREADS = 6;
    private static final long SHUTDOWN_GRACE_NANOS = 2_000_000_000L;

    private final MqttConfig cfg;
    private final String gatewayId;
    private final String statusTopic;
    private final Outbox outbox;
    private final ScheduledExecutorService pahoPool;
    private final ScheduledExecutorService supervisorThread;
    private final MqttLink link;
    private final PublishLoop loop;
    private final Refusals refusals = new Refusals();
    private final RetainedGuard retainedGuard;
    private final RetainedSender retained;
    private final TopicStates topics = new TopicStates();
    private final KickedOff kicks = new KickedOff();
    private final LossExplanation explanation = new LossExplanation();
    /** The first reconnect after a loss that may be a takeover comes within this many ms. */
    private static final long PROBE_MILLIS = 100;
    private final ServerDisconnects disconnects;
    private volatile BrokerLimits limits = BrokerLimits.UNSTATED;
    /** Which node each attempt goes to; supervisor thread (its readers: any thread). */
    private final BrokerRotation rotation;
    private final ReconnectSupervisor supervisor;
    private final ConnectionLog connectionLog;
    private final LongAdder connects = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final List<RetainedMessage> onConnect = new CopyOnWriteArrayList<>();
    private final Thread loopThread;
    private final StatusReporter status;
    private final Subscriptions subscriptions = new Subscriptions();
    /** Retained messages and events the broker acknowledged (aggregates: {@code loop.published}). */
    private final LongAdder othersAcked = new LongAdder();
    private final EventQueue events = new EventQueue(this::onSupervisor, othersAcked);
    private volatile Session session;

    private MqttPublisher(MqttConfig cfg, String gatewayId, Outbox outbox, StatusReporter status)
            throws GeneralSecurityException {
        this.cfg = cfg;
        this.gatewayId = gatewayId;
        this.outbox = outbox;
        this.status = status;
        this.statusTopic = new TopicTemplate(cfg.topic()).statusTopic(gatewayId);
        this.pahoPool = new ScheduledThreadPoolExecutor(PAHO_THREADS, daemon("mqtt-paho"));
        this.supervisorThread = Executors.newSingleThreadScheduledExecutor(daemon("mqtt-supervisor"));
        String clientId = cfg.clientIdFor(gatewayId);
        this.link = MqttOptions.link(cfg, clientId, statusTopic, status.will(), pahoPool);
        this.disconnects = new ServerDisconnects(clientId);
        this.rotation = new BrokerRotation(cfg.brokerOrder() == BrokerOrder.LISTED ? cfg.broker()
                : BrokerRanking.spread(cfg.broker(), clientId), cfg.brokerOrder() == BrokerOrder.LISTED);
        this.retainedGuard = new RetainedGuard(refusals, cfg.deadLetterAfter());
        this.retained = new RetainedSender(link, retainedGuard, topics, refusals, othersAcked);
        this.loop = new PublishLoop(outbox, link, cfg.qos(), cfg.maxRate(), cfg.deadLetterAfter(), refusals, topics);
        this.connectionLog = new ConnectionLog(cfg.broker(), outbox.path().toString(),
                cfg.tls() == null || cfg.tls().ca() == null ? null : cfg.tls().ca().toString(), cfg.version());
        ReconnectSupervisor.Attempt connect = new ReconnectSupervisor.Attempt() {
            @Override
            public void start(Runnable ok, Consumer<Throwable> failed) throws Exception {
                link.connect(rotation.next(), new MqttLink.ConnectListener() {
                    @Override
                    public void connected(BrokerLimits l) {
                        limits = l;
                        ok.run();
                    }

                    @Override
                    public void failed(Throwable cause) {
                        failed.accept(cause);
                    }
                });
            }

            @Override
            public void abandon() {
                link.abandonConnect();
            }
        };
        this.supervisor = new ReconnectSupervisor(connect, supervisorThread, new ReconnectSupervisor.Listener() {
            @Override
            public void connected() {
                onConnected();
            }

            @Override
            public void connectFailed(Throwable cause) {
                String uri = rotation.next();
                rotation.failed();
                connectFailures.increment();
                kicks.connectFailed();
                connectionLog.connectFailed(uri, cause);
            }
        }, cfg.connectDelay(), cfg.connectTimeout());
        link.events(this::onLost);
        this.loopThread = new Thread(loop, "mqtt-publisher");
        loopThread.setDaemon(true);
    }

    /**
     * Builds the client; does not connect.
     *
     * @throws TlsSetupException if the TLS material is unusable (unreadable, malformed, key not matching cert)
     */
    public static MqttPublisher create(MqttConfig cfg, String gatewayId, Outbox outbox) {
        return create(cfg, GatewayIdentity.of(gatewayId, null), outbox);
    }

    /**
     * Builds the client; does not connect. {@code id} goes into every status message and the last will.
     *
     * @throws TlsSetupException if the TLS material is unusable (unreadable, malformed, key not matching cert)
     */
    public static MqttPublisher create(MqttConfig cfg, GatewayIdentity id, Outbox outbox) {
        try {
            return new MqttPublisher(cfg, id.gateway(), outbox, new StatusReporter(id, outbox));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("mqtt.tls: cannot set up TLS: " + e.getMessage());
        }
    }

    /** Starts connecting (retried until it works) and publishing. Returns at once. */
    public void start() {
        if (!cfg.connectDelay().isZero()) {
            log.info("first connect to {} within {} s (mqtt.connect-delay: a random wait, so a fleet does not connect"
                    + " in one burst)", rotation.next(), cfg.connectDelay().toSeconds());
        }
        loopThread.start();
        supervisor.start();
        long every = cfg.statusInterval().toMillis();
        supervisorThread.scheduleWithFixedDelay(this::publishStatus, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Start-up thread, before {@link #start}: adds a section to the retained status message. The
     * callback runs on the supervisor thread each time the status is published; it must not block.
     */
    public void addStatusSection(Consumer<StatusJson> section) {
        status.addSection(section);
    }

    /**
     * Start-up thread, before {@link #start}: messages published, retained, after every connect,
     * right after the birth status message (e.g. Home Assistant discovery configs).
     */
    public void addConnectMessages(List<RetainedMessage> messages) {
        onConnect.addAll(messages);
    }

    /**
     * A reload, any thread, non-blocking: the messages sent after every connect become
     * {@code messages}, and are sent now if connected. A topic of the previous set that is not in
     * the new one gets an empty retained message, which deletes the broker's retained copy (and,
     * for a Home Assistant discovery config, the entity).
     */
    public void replaceConnectMessages(List<RetainedMessage> messages) {
        onSupervisor(() -> {
            List<RetainedMessage> next = RetainedMessage.replacing(onConnect, messages);
            onConnect.clear();
            onConnect.addAll(next);
            Session s = session;
            if (s != null && link.isConnected()) {
                for (RetainedMessage m : next) {
                    if (!retained.send(s, m.topic(), m.payload(), true)) {
                        break;
                    }
                }
            }
        });
    }

    /**
     * Start-up thread, before {@link #start}: the topics the config publishes to, for the start-up
     * topic check ({@link TopicStates}): each is pending until the broker answers a publish there.
     */
    public void expectTopics(List<String> expected) {
        topics.expect(expected);
        status.addSection(topics::write);
    }

    /** A reload, any thread: status messages from now on name this identity (the config hash changed). */
    public void identity(GatewayIdentity id) {
        status.identity(id);
    }

    /** Any thread, non-blocking: refreshes the retained status now (e.g. after a reload) if connected. */
    public void refreshStatus() {
        onSupervisor(this::publishStatus);
    }

    /** @return false when the publisher is closed and the task will not run */
    private boolean onSupervisor(Runnable task) {
        try {
            supervisorThread.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return false; // closed: nothing more goes out
        }
    }

    /**
     * Any thread, non-blocking: the topics to listen on from now on, each with the sink its messages
     * go to. A sink runs on the client's callback thread and must only hand the payload off. They are
     * subscribed (QoS 1) after every connect, new ones at once when connected.
     */
    public void subscriptions(Map<String, Consumer<byte[]>> sinks) {
        Map<String, Consumer<byte[]>> added = subscriptions.replace(sinks);
        if (!added.isEmpty()) {
            onSupervisor(() -> {
                if (session != null && link.isConnected()) {
                    added.keySet().forEach(t -> subscriptions.subscribe(link, t));
                }
            });
        }
    }

    /** Any thread: "subscribed", "pending" or "refused: REASON" for a topic given to {@link #subscriptions}, else null. */
    public String subscriptionState(String topic) {
        return subscriptions.state(topic);
    }

    /**
     * Any thread, non-blocking: sends a QoS 1 message, not retained, now if connected, else after the
     * next connect (see {@link EventQueue} for what is dropped). The future completes when the broker
     * acknowledged it, exceptionally when it refused it, it was dropped or the publisher closed.
     */
    public CompletableFuture<Void> publishEvent(String topic, byte[] payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onSupervisor(() -> {
            events.add(new EventQueue.Event(topic, payload, done));
            events.flush(link, session);
        });
        if (supervisorThread.isShutdown()) {
            done.completeExceptionally(new IllegalStateException("the MQTT client is closed"));
        }
        return done;
    }

    /** Any thread: messages the broker acknowledged on this publisher's connections (aggregates, status, events). */
    public long acknowledged() {
        return loop.published.sum() + othersAcked.sum();
    }

    /** Any thread: events dropped unsent since start ({@link EventQueue}). */
    public long eventsDropped() {
        return events.dropped();
    }

    public PublisherStats stats() {
        return new PublisherStats(link.isConnected(), loop.published.sum(), loop.failed.sum(), connects.sum(),
                connectFailures.sum(), refusals.snapshot(), disconnects.takeovers(), disconnects.last(), link.protocol(),
                limits, rotation.current(), rotation.failovers(), disconnects.conflict());
    }

    public String statusTopic() {
        return statusTopic;
    }

    /**
     * Supervisor thread: birth message first, then the other retained messages, then let the
     * publisher thread resend what is owed.
     */
    private void onConnected() {
        connects.increment();
        String previous = rotation.current();
        rotation.connected();
        String uri = rotation.current();
        if (kicks.connected(System.nanoTime(), disconnects.conflict())) {
            disconnects.suspectedTakeover(uri);
        }
        explanation.connected(refusals.total());
        disconnects.connected();
        BrokerLimits l = limits;
        Session s = Session.open(link.window(cfg.maxInflight(), l), l);
        session = s;
        if (retained.send(s, statusTopic, status.online(StatusReporter.BIRTH, stats(), broker()), true)) {
            for (RetainedMessage m : onConnect) {
                if (!retained.send(s, m.topic(), m.payload(), true)) {
                    break;
                }
            }
        }
        loop.sessionStarted(s);
        connectionLog.connected(uri, previous == null ? rotation.home() : previous, outbox.stats().depth(), l);
        subscriptions.all().forEach(t -> subscriptions.subscribe(link, t));
        events.flush(link, session);
    }

    /** Supervisor thread, periodically: refreshes the retained status while connected. */
    private void publishStatus() {
        Session s = session;
        if (s != null && link.isConnected()) {
            retained.send(s, statusTopic, status.online(StatusReporter.HEALTH, stats(), broker()), false);
        }
    }

    private String broker() {
        return link.serverUri();
    }

    /**
     * Shutdown thread: stops publishing, publishes the retained "offline" status (a clean
     * disconnect does not fire the LWT), disconnects. Rows not yet acknowledged stay in the outbox.
     */
    @Override
    public void close() {
        drainGrace();
        supervisor.stop();
        loop.stop();
        loop.sessionEnded();
        try {
            loopThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.shutdown(statusTopic, status.stopped(stats(), broker()));
        try {
            supervisorThread.submit(events::dropAll).get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("could not count the events still waiting at the stop: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        supervisorThread.shutdownNow();
        pahoPool.shutdownNow();
    }

    /**
     * A graceful stop with the broker connected waits briefly for the backlog (usually the last
     * windows closed on shutdown) to be acknowledged, so nothing waits for the next start needlessly.
     */
    private void drainGrace() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE_NANOS;
        while (link.isConnected() && outbox.stats().depth() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The client's callback thread, hand-offs only: the connection ended. A DISCONNECT 0x95 (packet
     * too large) dead-letters the largest message in flight, which the broker's limit did not show
     * beforehand; the other reason codes set the next connect's delay or target.
     */
    private void onLost(ServerDisconnect why) {
        Session s = session;
        session = null;
        loop.sessionEnded();
        subscriptions.disconnected();
        String uri = link.serverUri();
        if (why.code() < 0 && UnreadableAnswer.is(why.cause())) {
            connectionLog.lostQuietly();
            UnreadableAnswer.log(why.cause(), uri);
            if (s != null && s.inflight().isEmpty()) {
                // PUBACKs come in order: with no aggregate in flight, the oldest retained message was answered.
                String topic = s.retainedInflight().peekFirst();
                if (topic != null) {
                    retainedGuard.struck(topic);
                }
            }
        } else if (why.code() < 0) {
            connectionLog.lost(why.cause());
        } else {
            connectionLog.lostQuietly();
        }
        if (why.code() == 0x95 && s != null) {
            long seq = s.largestInflight();
            if (seq >= 0) {
                Long size = s.inflight().get(seq);
                refusals.tooLarge("(in flight)", seq, size == null ? 0 : size, s.limits().maximumPacketSize(),
                        "the broker disconnected us with 0x95 packet too large; the largest message in flight is"
                                + " dead-lettered");
                outbox.deadLetter(seq, LossReason.PACKET_TOO_LARGE);
            }
        }
        long now = System.nanoTime();
        boolean explained = explanation.explains(why, s == null ? -1 : s.lowestOwed(), refusals.total(), now);
        boolean kicked = kicks.lost(now, explained);
        ServerDisconnects.Reaction r = disconnects.on(why, uri);
        long minDelay = kicked ? Math.max(r.minDelayMillis(), disconnects.conflictDelayMillis(uri)) : r.minDelayMillis();
        onSupervisor(() -> rotation.lost(r.redirect()));
        // A possible takeover is probed at once: a broker that restarted is still down and the attempt
        // fails (not a flap), a twin's broker answers. Not during a known conflict: then it waits.
        supervisor.connectionLost(minDelay, !kicked, kicked && !disconnects.conflict() ? PROBE_MILLIS : -1);
    }
}
