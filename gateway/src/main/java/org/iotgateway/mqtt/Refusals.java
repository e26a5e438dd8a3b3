package org.iotgateway.mqtt;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.outbox.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the broker would not take, counted by reason (the PUBACK reason codes' names, and
 * {@code packet-too-large} for those too large for its Maximum Packet Size), and logged: one WARN
 * per reason per minute with the topic and the broker's reason string, and how many more since.
 * Called on Paho's callback thread and the publisher thread; never blocks.
 */
final class Refusals {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
    static final String PACKET_TOO_LARGE = "packet-too-large";

    private final Map<String, LongAdder> counts = new LinkedHashMap<>();
    private final Map<String, LogLimiter> logs = new LinkedHashMap<>();

    Refusals() {
        for (ReasonCode r : ReasonCode.values()) {
            add(r.wire());
        }
        add(PACKET_TOO_LARGE);
    }

    private void add(String reason) {
        counts.put(reason, new LongAdder());
        logs.put(reason, new LogLimiter(Duration.ofMinutes(1)));
    }

    /** The broker refused {@code topic}'s seq; {@code action} says what the outbox does about it. */
    void refused(Refusal r, String topic, long seq, String action) {
        String reason = r.reason().wire();
        count(reason, () -> "broker refused seq " + seq + " to " + topic + " with " + ReasonCode.describe(r.code())
                + (r.reasonString() == null ? "" : " (\"" + r.reasonString() + "\")") + ": " + action);
    }

    /** Not sent: {@code bytes} exceed the broker's Maximum Packet Size of {@code max}. */
    void tooLarge(String topic, long seq, long bytes, long max, String action) {
        count(PACKET_TOO_LARGE, () -> "seq " + seq + " to " + topic + " is a " + bytes + "-byte packet, larger than"
                + " the broker's maximum packet size of " + max + " bytes: " + action);
    }

    private void count(String reason, java.util.function.Supplier<String> line) {
        counts.get(reason).increment();
        long suppressed = logs.get(reason).tryAcquire();
        if (suppressed >= 0) {
            log.warn("{}; {} {} refusal(s) so far{}", line.get(), counts.get(reason).sum(), reason,
                    suppressed > 0 ? ", " + suppressed + " more in the last minute not logged" : "");
        }
    }

    long total() {
        long n = 0;
        for (LongAdder a : counts.values()) {
            n += a.sum();
        }
        return n;
    }

    /** Every reason with its count (zeros included, so the status message's shape never changes). */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
