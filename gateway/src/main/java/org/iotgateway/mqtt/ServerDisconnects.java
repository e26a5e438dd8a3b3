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
 * two gateways with one id do not knock each other off in a loop; 0x89 server busy and 0x9F
 * connection rate exceeded back off 5 s doubling to 2 min, jittered; 0x9C/0x9D try the server
 * reference next; 0x95 packet too large is the publisher's to act on. Called on the client's
 * callback thread (one at a time); never blocks.
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
    private final Backoff takeoverBackoff = Backoff.withJitter(Duration.ofSeconds(30), Duration.ofMinutes(10));
    private final Backoff busyBackoff = Backoff.withJitter(Duration.ofSeconds(5), Duration.ofMinutes(2));
    private final AtomicLong takeovers = new AtomicLong();
    private long lastTakeoverNanos;
    private volatile String last;

    ServerDisconnects(String clientId) {
        this.clientId = clientId;
    }

    synchronized Reaction on(ServerDisconnect d, String uri) {
        last = d.code() < 0 ? null : d.describe();
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
     * The connection was closed right after each of the last connects, with no reason given, while
     * the broker answered every connect at once: what mosquitto 2.0 does to the older of two clients
     * with one client id (it closes the socket without the 0x8E DISCONNECT). Treated as a takeover.
     */
    synchronized Reaction suspectedTakeover(String uri) {
        last = "suspected session takeover: the connection was closed within a second of each of the last "
                + KickedOff.STREAK + " connects";
        log.error("broker {} closed the connection within a second of each of our last {} connects, without a"
                + " reason. mosquitto does this to the older of two clients with one client id '{}' (it sends no"
                + " 0x8E): a second gateway with the same config, or a cloned SD card? Give each gateway its own"
                + " gateway.id (or mqtt.client-id). (A broker that disconnects for a message it rejects,"
                + " max_packet_size or an ACL under MQTT 3.1.1, looks the same: see the lines above.) Reconnects"
                + " back off while connections stay this short; {} takeover(s) so far", uri, KickedOff.STREAK,
                clientId, takeovers.incrementAndGet());
        // No takeover back-off: the supervisor already grows its own while connections stay short, and a
        // broker rejecting one message must not stall the rest for minutes.
        return Reaction.NONE;
    }

    private Reaction takeover(String uri, String what) {
        long now = System.nanoTime();
        if (takeovers.get() > 0 && now - lastTakeoverNanos > TAKEOVER_QUIET_NANOS) {
            takeoverBackoff.reset();
        }
        lastTakeoverNanos = now;
        long delay = takeoverBackoff.nextMillis();
        log.error("broker {} {}. Another client connected with our client id '{}': a second gateway with the same"
                + " config, or a cloned SD card? Give each gateway its own gateway.id (or mqtt.client-id)."
                + " Reconnecting in {} s, not sooner, so the two do not knock each other off in a loop; {} takeover(s)"
                + " so far", uri, what, clientId, delay / 1000, takeovers.incrementAndGet());
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
