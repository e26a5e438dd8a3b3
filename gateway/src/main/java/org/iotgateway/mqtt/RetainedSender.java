package org.iotgateway.mqtt;

import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the gateway's retained messages (status, discovery) at QoS 1: each takes a window slot like
 * any publish, so Paho's in-flight limit is never exceeded, and its answer is counted: accepted,
 * refused (with the reason, per topic), or skipped when the broker's limit or the {@link RetainedGuard}
 * says it cannot go. Supervisor thread; completions on the client's callback thread.
 */
final class RetainedSender {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);

    private final MqttLink link;
    private final RetainedGuard guard;
    private final TopicStates topics;
    private final Refusals refusals;
    private final LongAdder acked;

    RetainedSender(MqttLink link, RetainedGuard guard, TopicStates topics, Refusals refusals, LongAdder acked) {
        this.link = link;
        this.guard = guard;
        this.topics = topics;
        this.refusals = refusals;
        this.acked = acked;
    }

    /**
     * {@code wait}: for a window slot, else give up after a second (a periodic refresh is not worth
     * waiting for). Returns false if it was not sent; true also when it is skipped for good.
     */
    boolean send(Session s, String topic, byte[] payload, boolean wait) {
        if (guard.skipped(topic)) {
            return true;
        }
        long size = link.packetSize(topic, payload.length, 1);
        if (s.limits().tooLarge(size)) {
            guard.tooLarge(topic, size, s.limits().maximumPacketSize());
            return true;
        }
        if (!s.acquire(wait)) {
            return false;
        }
        s.retainedInflight().add(topic);
        try {
            link.publish(topic, payload, 1, true, new MqttLink.Completion() {
                @Override
                public void accepted() {
                    done();
                    acked.increment();
                    topics.accepted(topic);
                }

                @Override
                public void refused(Refusal r) {
                    done();
                    topics.refused(topic, r.reason().wire());
                    refusals.refused(r, topic, -1, "this retained message (status or discovery) is not on the broker");
                }

                @Override
                public void failed(Throwable cause) {
                    done();
                }

                private void done() {
                    s.retainedInflight().remove(topic);
                    s.permits().release();
                }
            });
            return true;
        } catch (MqttLink.NotSentException e) {
            s.retainedInflight().remove(topic);
            s.permits().release();
            log.debug("retained message to {} not sent: {}", topic, e.getMessage());
            return false;
        }
    }
}
