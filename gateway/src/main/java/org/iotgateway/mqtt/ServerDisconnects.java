package org.iotgateway.mqtt;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.util.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the broker's DISCONNECT reason codes and decides the reconnect: 0x8E session taken over
 * (another client uses our client id) is a loud ERROR and a back-off of 30 s doubling to 10 min, so
 * two gateways with one id do not knock each other off in a loop; the same for a takeover the broker
 * does not name ({@link KickedOff}); 0x89 server busy and 0x9F connection rate exceeded back off 5 s
 * doubling to 2 min, jittered; 0x9C/0x9D try the server reference next; 0x95 packet too large is the
 * publisher's to act on. A takeover within the last 15 minutes is a client id conflict
 * ({@link #conflict}: the status flag, {@code /health} 503). Called on the client's callback thread
 * and the supervisor thread; synchronized, never blocks.
 */
final class ServerDisconnects {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    private static final long TAKEOVER_QUIET_NANOS = TimeUnit.MINUTES.toNanos(15);

    /**
     * @param minDelayMillis wait at least this long before the next connect
     * @param redirect the URI to try first next time, or null
     */
    record Reaction(long minDelayMillis, String redirect) {
        static final Reaction NONE = new Reaction(0, null);
    }

    private final String clientId;
    private static final Duration TAKEOVER_MAX = Duration.ofMinutes(10);
    private final Backoff takeoverBackoff = Backoff.withJitter(Duration.ofSeconds(30), TAKEOVER_MAX);
    private final Backoff busyBackoff = Backoff.withJitter(Duration.ofSeconds(5), Duration.ofMinutes(2));
    private final AtomicLong takeovers = new AtomicLong();
    private long lastTakeoverNanos;
    private volatile String last;

    ServerDisconnects(String clientId) {
        this.clientId = clientId;
    }

    synchronized Reaction on(ServerDisconnect d, String uri) {
        if (d.code() >= 0) {
            last = d.describe();
        } else if (!conflict()) {
            // A reasonless drop while a conflict is known is the conflict going on: keep saying so.
            last = null;
        }
        switch (d.code()) {
            case 0x8E -> {
                return takeover(uri, "disconnected us: " + d.describe());
            }
            case 0x89, 0x9F -> {
                long delay = busyBackoff.nextMillis();
                log.warn("broker {} disconnected us: {}; reconnecting in {} s", uri, d.describe(), delay / 1000);
                return new Reaction(delay, null);
            }
            case 0x9C, 0x9D -> {
                String target = reference(d.serverReference(), uri);
                log.warn("broker {} disconnected us: {}; trying {} next", uri, d.describe(),
                        target == null ? "the configured brokers (no usable server reference)" : target);
                return new Reaction(0, target);
            }
            default -> {
                if (d.code() >= 0) {
                    log.warn("broker {} disconnected us: {}", uri, d.describe());
                }
                return Reaction.NONE;
            }
        }
    }

    /**
     * {@link KickedOff} confirmed a takeover the broker did not name: connections closed without a
     * reason right after being made, while the broker answered every connect at once. mosquitto 2.0
     * and RabbitMQ do this to the older of two clients with one client id (no 0x8E). Supervisor thread.
     */
    synchronized void suspectedTakeover(String uri) {
        noteTakeover();
        last = "suspected session takeover: connections closed without a reason right after being made, "
                + KickedOff.STREAK + " times in a row, while the broker answered every connect";
        log.error("broker {} keeps closing our connections without a reason right after they are made, while it"
                + " answers every connect at once: another client is connecting with our client id '{}' (mosquitto"
                + " and RabbitMQ close the older of two connections with one id without saying so). A second gateway"
                + " with the same config, or a cloned SD card? Give each gateway its own gateway.id (gateway.id: auto"
                + " derives one from the machine) or mqtt.client-id. (A load balancer's idle timeout shorter than"
                + " mqtt.keep-alive looks the same, and so, under MQTT 3.1.1, does mosquitto before 2.0.22 with"
                + " max_queued_messages 0, which closes the connection after each publish it refuses.) Reconnects back off to {} min so the two do not fight; {}"
                + " takeover(s) so far", uri, clientId, TAKEOVER_MAX.toMinutes(), takeovers.get());
    }

    /**
     * A connection closed without a reason while a takeover is known: wait the takeover back-off
     * (returned, in ms) rather than knock the other client off at once; 0 when no takeover is known.
     * Callback thread.
     */
    synchronized long conflictDelayMillis(String uri) {
        if (!conflict()) {
            return 0;
        }
        long delay = takeoverBackoff.nextMillis();
        log.warn("broker {} closed our connection without a reason again; another client uses our client id '{}':"
                + " reconnecting in {} s, not sooner", uri, clientId, delay / 1000);
        return delay;
    }

    /** True while another client with our client id was seen within the last 15 minutes. Any thread. */
    synchronized boolean conflict() {
        return takeovers.get() > 0 && System.nanoTime() - lastTakeoverNanos < TAKEOVER_QUIET_NANOS;
    }

    /** Counts a takeover; the back-off starts small again after 15 quiet minutes. */
    private void noteTakeover() {
        long now = System.nanoTime();
        if (takeovers.get() > 0 && now - lastTakeoverNanos > TAKEOVER_QUIET_NANOS) {
            takeoverBackoff.reset();
        }
        lastTakeoverNanos = now;
        takeovers.incrementAndGet();
    }

    private Reaction takeover(String uri, String what) {
        noteTakeover();
        long delay = takeoverBackoff.nextMillis();
        log.error("broker {} {}. Another client connected with our client id '{}': a second gateway with the same"
                + " config, or a cloned SD card? Give each gateway its own gateway.id (gateway.id: auto derives one"
                + " from the machine) or mqtt.client-id. Reconnecting in {} s, not sooner, so the two do not knock"
                + " each other off in a loop; {} takeover(s) so far", uri, what, clientId, delay / 1000,
                takeovers.get());
        return new Reaction(delay, null);
    }

    /** A connect succeeded: the busy back-off starts small again (the takeover one only after 15 quiet minutes). */
    void connected() {
        busyBackoff.reset();
    }

    long takeovers() {
        return takeovers.get();
    }

    String last() {
        return last;
    }

    /**
     * The first of the broker's server references ("host", "host:port", or a URI) as a URI with the
     * current scheme and, when it names none, the current port; null when there is none or it is unusable.
     */
    static String reference(String ref, String current) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String first = ref.trim().split("\\s+")[0];
        if (first.contains("://")) {
            return first;
        }
        try {
            URI cur = URI.create(current);
            String hostPort = first.matches(".*:\\d+$") ? first : first + ":" + cur.getPort();
            return cur.getScheme() + "://" + hostPort;
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
