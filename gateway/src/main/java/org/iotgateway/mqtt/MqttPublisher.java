package org.iotgateway.mqtt;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.wire.StatusJson;
import org.iotgateway.wire.TopicTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox's committed rows to the broker, in seq order, and confirms them back to the
 * outbox on PUBACK. Owns the Paho client, the reconnect supervisor and the publisher thread.
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
    private final MqttAsyncClient client;
    private final PublishLoop loop;
    private final ReconnectSupervisor supervisor;
    private final ConnectionLog connectionLog;
    private final LongAdder connects = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final List<RetainedMessage> onConnect = new CopyOnWriteArrayList<>();
    private final Thread loopThread;
    private final StatusReporter status;
    private volatile Session session;

    private MqttPublisher(MqttConfig cfg, String gatewayId, Outbox outbox, StatusReporter status,
                          MqttConnectOptions options) throws MqttException {
        this.cfg = cfg;
        this.gatewayId = gatewayId;
        this.outbox = outbox;
        this.status = status;
        this.statusTopic = new TopicTemplate(cfg.topic()).statusTopic(gatewayId);
        this.pahoPool = new ScheduledThreadPoolExecutor(PAHO_THREADS, daemon("mqtt-paho"));
        this.supervisorThread = Executors.newSingleThreadScheduledExecutor(daemon("mqtt-supervisor"));
        String clientId = cfg.clientId() != null ? cfg.clientId() : "iot-gateway-" + gatewayId;
        // The ScheduledExecutorPingSender follows the monotonic clock, unlike java.util.Timer (a Pi has no RTC).
        this.client = new MqttAsyncClient(cfg.broker().get(0), clientId, new MemoryPersistence(),
                new ScheduledExecutorPingSender(pahoPool), pahoPool);
        this.loop = new PublishLoop(outbox, client, cfg.qos(), cfg.maxRate(), cfg.deadLetterAfter());
        this.connectionLog = new ConnectionLog(cfg.broker(), outbox.path().toString(),
                cfg.tls() == null || cfg.tls().ca() == null ? null : cfg.tls().ca().toString());
        this.supervisor = new ReconnectSupervisor(client, options, supervisorThread, new ReconnectSupervisor.Listener() {
            @Override
            public void connected() {
                onConnected();
            }

            @Override
            public void connectFailed(Throwable cause) {
                connectFailures.increment();
                connectionLog.connectFailed(cause);
            }
        });
        client.setCallback(new Callbacks());
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
            String topic = new TopicTemplate(cfg.topic()).statusTopic(id.gateway());
            StatusReporter status = new StatusReporter(id, outbox);
            return new MqttPublisher(cfg, id.gateway(), outbox, status, MqttOptions.build(cfg, topic, status.will()));
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("mqtt.tls: cannot set up TLS: " + e.getMessage());
        } catch (MqttException e) {
            throw new IllegalArgumentException("mqtt: cannot create the client: " + e.getMessage(), e);
        }
    }

    /** Starts connecting (retried until it works) and publishing. Returns at once. */
    public void start() {
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
            if (s != null && client.isConnected()) {
                for (RetainedMessage m : next) {
                    if (!publishRetained(s, m.topic(), m.payload(), true)) {
                        break;
                    }
                }
            }
        });
    }

    /** A reload, any thread: status messages from now on name this identity (the config hash changed). */
    public void identity(GatewayIdentity id) {
        status.identity(id);
    }

    /** Any thread, non-blocking: refreshes the retained status now (e.g. after a reload) if connected. */
    public void refreshStatus() {
        onSupervisor(this::publishStatus);
    }

    private void onSupervisor(Runnable task) {
        try {
            supervisorThread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: nothing more goes out
        }
    }

    public PublisherStats stats() {
        return new PublisherStats(client.isConnected(), loop.published.sum(), loop.failed.sum(), connects.sum(),
                connectFailures.sum());
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
        Session s = Session.open(cfg.maxInflight());
        session = s;
        if (publishRetained(s, statusTopic, status.online(StatusReporter.BIRTH, stats(), broker()), true)) {
            for (RetainedMessage m : onConnect) {
                if (!publishRetained(s, m.topic(), m.payload(), true)) {
                    break;
                }
            }
        }
        loop.sessionStarted(s);
        connectionLog.connected(client.getCurrentServerURI(), outbox.stats().depth());
    }

    /** Supervisor thread, periodically: refreshes the retained status while connected. */
    private void publishStatus() {
        Session s = session;
        if (s != null && client.isConnected()) {
            publishRetained(s, statusTopic, status.online(StatusReporter.HEALTH, stats(), broker()), false);
        }
    }

    /**
     * Supervisor thread: QoS 1, retained. It takes a window slot like any publish so Paho's in-flight
     * limit is never exceeded; {@code wait}: for one, else give up after a second (a periodic
     * refresh is not worth waiting for). Returns false if it was not sent.
     */
    private boolean publishRetained(Session s, String topic, byte[] payload, boolean wait) {
        try {
            if (wait) {
                s.permits().acquire();
            } else if (!s.permits().tryAcquire(1, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            client.publish(topic, payload, 1, true, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            s.permits().release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable cause) {
                            s.permits().release();
                        }
                    });
            return true;
        } catch (MqttException e) {
            s.permits().release();
            log.debug("retained message to {} not sent: {}", topic, e.toString());
            return false;
        }
    }

    private String broker() {
        return client.getCurrentServerURI();
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
        PublisherShutdown.run(client, statusTopic, status.stopped(stats(), broker()));
        supervisorThread.shutdownNow();
        pahoPool.shutdownNow();
    }

    /**
     * A graceful stop with the broker connected waits briefly for the backlog (usually the last
     * windows closed on shutdown) to be acknowledged, so nothing waits for the next start needlessly.
     */
    private void drainGrace() {
        long deadline = System.nanoTime() + SHUTDOWN_GRACE_NANOS;
        while (client.isConnected() && outbox.stats().depth() > 0 && System.nanoTime() < deadline) {
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

    /** Paho's callback thread: hand-offs only. */
    private final class Callbacks implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            session = null;
            loop.sessionEnded();
            connectionLog.lost(cause);
            supervisor.connectionLost();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // The gateway subscribes to nothing.
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Per-publish listeners handle completion (they carry the seq as userContext).
        }
    }
}
