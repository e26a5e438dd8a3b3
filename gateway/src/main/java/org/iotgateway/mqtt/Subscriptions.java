package org.iotgateway.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics the gateway listens on (the remote-config topic), subscribed again after every connect:
 * every connect starts a clean session, which forgets them. A topic dropped by {@link #replace} stops
 * delivering at once (its sink is looked up per message); the broker forgets the subscription itself
 * at the next connect, so an idle link is not sent an UNSUBSCRIBE.
 * <p>
 * Threads: {@link #replace} and the accessors on any thread; {@link #subscribe} on the publisher's
 * supervisor thread only (it blocks for the SUBACK). Sinks run on the client's callback thread and
 * must only hand the payload off.
 */
final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    private static final long SUBACK_TIMEOUT_MILLIS = 5_000;

    private volatile Map<String, Consumer<byte[]>> wanted = Map.of();
    /** Topic to "subscribed", "refused: ..." or "pending", for the status message. */
    private final Map<String, String> states = new ConcurrentHashMap<>();

    /** The new set of topics; returns the topics that are new in it. */
    Map<String, Consumer<byte[]>> replace(Map<String, Consumer<byte[]>> next) {
        Map<String, Consumer<byte[]>> before = wanted;
        wanted = Map.copyOf(next);
        states.keySet().retainAll(next.keySet());
        Map<String, Consumer<byte[]>> added = new java.util.HashMap<>(next);
        added.keySet().removeAll(before.keySet());
        added.keySet().forEach(t -> states.put(t, "pending"));
        return added;
    }

    boolean isEmpty() {
        return wanted.isEmpty();
    }

    /** Every wanted topic, after a connect. */
    Iterable<String> all() {
        return wanted.keySet();
    }

    /** Supervisor thread, connected: subscribes {@code topic} (QoS 1); blocks up to 5 s for the answer. */
    void subscribe(MqttLink link, String topic) {
        if (!wanted.containsKey(topic)) {
            return;
        }
        try {
            int granted = link.subscribe(topic, 1, SUBACK_TIMEOUT_MILLIS, payload -> {
                Consumer<byte[]> sink = wanted.get(topic);
                if (sink != null) {
                    sink.accept(payload);
                }
            });
            if (granted >= 0x80) {
                states.put(topic, "refused: " + ReasonCode.describe(granted));
                LOG.error("the broker refused the subscription to {} ({}): nothing published there reaches the gateway;"
                        + " let this client subscribe to it (its ACL)", topic, ReasonCode.describe(granted));
            } else {
                states.put(topic, "subscribed");
            }
        } catch (Exception e) {
            states.put(topic, "pending");
            LOG.warn("subscribing to {} failed ({}); tried again after the next connect", topic, e.toString());
        }
    }

    /** Any thread: {@code topic}'s state ("subscribed", "refused: ...", "pending"), or null if not wanted. */
    String state(String topic) {
        return states.get(topic);
    }

    /** After a lost connection: every topic must be subscribed again. */
    void disconnected() {
        states.replaceAll((t, s) -> "pending");
    }
}
