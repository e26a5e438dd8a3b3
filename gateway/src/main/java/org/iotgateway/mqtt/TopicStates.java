package org.iotgateway.mqtt;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.iotgateway.wire.StatusJson;

/**
 * The start-up topic check of {@code run}, from real traffic: every topic the config publishes to
 * starts {@code pending}; the first answer to a publish there makes it {@code ok} or names the
 * refusal. The status and discovery messages are published right after connecting, so a bad ACL
 * for them shows in the first seconds; an aggregate topic shows with its first window. (No probe
 * messages: a subscriber that takes every message on a data topic for an aggregate would choke on
 * one. {@code iot-gateway check} probes, on request.) Callback and publisher threads; never blocks.
 */
final class TopicStates {
    static final String PENDING = "pending";
    static final String OK = "ok";

    private final Map<String, String> states = new ConcurrentHashMap<>();

    /** Start-up thread: the topics the config publishes to. */
    void expect(Collection<String> topics) {
        topics.forEach(t -> states.putIfAbsent(t, PENDING));
    }

    void accepted(String topic) {
        if (states.get(topic) != OK) {
            states.put(topic, OK);
        }
    }

    void refused(String topic, String reason) {
        states.put(topic, reason);
    }

    /** The "topics" section: how many confirmed and pending, and each refused topic with its reason. */
    void write(StatusJson j) {
        int ok = 0;
        int pending = 0;
        Map<String, String> refused = new TreeMap<>();
        for (Map.Entry<String, String> e : states.entrySet()) {
            switch (e.getValue()) {
                case OK -> ok++;
                case PENDING -> pending++;
                default -> refused.put(e.getKey(), e.getValue());
            }
        }
        int confirmed = ok;
        int waiting = pending;
        j.object("topics", t -> t.field("ok", confirmed).field("pending", waiting)
                .object("refused", r -> refused.forEach(r::field)));
    }

    /** Topics the broker refused, with the reason. */
    Map<String, String> refused() {
        Map<String, String> out = new TreeMap<>();
        states.forEach((k, v) -> {
            if (!v.equals(OK) && !v.equals(PENDING)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
