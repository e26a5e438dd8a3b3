package org.iotgateway.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-retained QoS 1 messages the gateway sends besides aggregates (remote-config results), waiting
 * for a connection. They are answers, not data: at most {@link #MAX} wait, and when more come the
 * oldest is dropped and counted. One whose connection dropped before its PUBACK is sent again. At
 * a stop, those still waiting are dropped and counted too.
 * <p>
 * Threads: the publisher's supervisor thread only, except {@link #dropped} (any thread).
 */
final class EventQueue {
    private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);
    static final int MAX = 16;

    /** One message; {@code done} completes on PUBACK, or exceptionally when refused or dropped. */
    record Event(String topic, byte[] payload, CompletableFuture<Void> done) {
    }

    private final Deque<Event> pending = new ArrayDeque<>();
    private final LongAdder dropped = new LongAdder();
    private final Predicate<Runnable> onSupervisor;
    private final LongAdder acked;

    /**
     * @param onSupervisor runs a task on the supervisor thread (completions arrive on the callback
     *        thread); false when that thread has stopped and the task will not run
     * @param acked counts what the broker acknowledged
     */
    EventQueue(Predicate<Runnable> onSupervisor, LongAdder acked) {
        this.onSupervisor = onSupervisor;
        this.acked = acked;
    }

    void add(Event e) {
        if (pending.size() == MAX) {
            drop(pending.removeFirst(), MAX + " newer messages were waiting for the broker");
        }
        pending.addLast(e);
    }

    /** Supervisor thread, at a stop: everything still waiting is dropped and counted. */
    void dropAll() {
        for (Event e = pending.pollFirst(); e != null; e = pending.pollFirst()) {
            drop(e, "the publisher stopped");
        }
    }

    private void drop(Event e, String why) {
        dropped.increment();
        e.done().completeExceptionally(new IllegalStateException("dropped unsent: " + why));
    }

    /** Sends what waits, in order, while {@code s}'s window has room; nothing when not connected ({@code s} null). */
    void flush(MqttLink link, Session s) {
        if (s == null || !link.isConnected()) {
            return;
        }
        for (Event e = pending.peekFirst(); e != null; e = pending.peekFirst()) {
            if (!s.acquire(false)) {
                return;
            }
            pending.removeFirst();
            try {
                link.publish(e.topic(), e.payload(), 1, false, completion(s, e));
            } catch (MqttLink.NotSentException x) {
                s.permits().release();
                pending.addFirst(e);
                return;
            }
        }
    }

    private MqttLink.Completion completion(Session s, Event e) {
        return new MqttLink.Completion() {
            @Override
            public void accepted() {
                s.permits().release();
                acked.increment();
                e.done().complete(null);
            }

            @Override
            public void refused(Refusal r) {
                s.permits().release();
                LOG.warn("the broker refused the message to {}: {}", e.topic(), ReasonCode.describe(r.code()));
                e.done().completeExceptionally(new IllegalStateException("refused by the broker: "
                        + ReasonCode.describe(r.code())));
            }

            @Override
            public void failed(Throwable cause) {
                s.permits().release();
                // Its fate is unknown: sent again after the next connect (a subscriber may get it twice).
                if (!onSupervisor.test(() -> pending.addFirst(e))) {
                    drop(e, "the publisher stopped before the broker answered");
                }
            }
        };
    }

    long dropped() {
        return dropped.sum();
    }
}
