package org.iotgateway.mqtt;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a retained message (the status, a discovery config) that the broker will not take from
 * turning every connect into a disconnect: one larger than the broker's Maximum Packet Size is not
 * sent, and one whose answer dropped the connection {@code dead-letter-after} times in a row is
 * given up for this run. Either is counted as a {@code packet-too-large} refusal and logged as an
 * ERROR once. Supervisor and callback threads; never blocks.
 */
final class RetainedGuard {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);

    private final Refusals refusals;
    private final int limit;
    private final Map<String, Integer> strikes = new ConcurrentHashMap<>();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();

    RetainedGuard(Refusals refusals, int limit) {
        this.refusals = refusals;
        this.limit = limit;
    }

    boolean skipped(String topic) {
        return skipped.contains(topic);
    }

    void tooLarge(String topic, long bytes, long max) {
        if (skipped.add(topic)) {
            refusals.tooLarge(topic, -1, bytes, max, "this retained message is not sent to this broker");
        }
    }

    /** The connection dropped on the answer to {@code topic}'s retained message. */
    void struck(String topic) {
        int n = strikes.merge(topic, 1, Integer::sum);
        if (n >= limit && skipped.add(topic)) {
            refusals.tooLarge(topic, -1, 0, 0, "the connection dropped on its answer " + n + " times;"
                    + " it is not sent again until the gateway restarts");
            log.error("the retained message to {} is not sent any more: the broker's answer to it dropped the"
                    + " connection {} times (mosquitto's message_size_limit smaller than the message?)", topic, n);
        }
    }
}
