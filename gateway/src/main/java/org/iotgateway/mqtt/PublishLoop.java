package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.outbox.LogLimiter;
import org.iotgateway.outbox.LossReason;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher thread: reads committed rows from the outbox strictly in seq order and publishes
 * them within the session's in-flight window. Outcomes are handed to the outbox from the client's
 * callback thread without blocking: accepted rows are acknowledged, refused ones go to
 * {@link RefusalPolicy}. Stopped with a flag, never interrupted (H2 closes its file on interrupt).
 * Idle, it sleeps until the next commit, a rewind, or a change of session (connected, lost, a
 * failed or refused publish) or a stop wakes it; disconnected, until the next session.
 */
final class PublishLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PublishLoop.class);
    private static final int READ_BATCH = 500;
    /** A safety net only: every change the loop must see wakes it. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(10);

    private final Outbox outbox;
    private final MqttLink link;
    private final int qos;
    private final Pacer pacer;
    private final PoisonDetector poison;
    private final RefusalPolicy refusalPolicy;
    private final Refusals refusals;
    private final LogLimiter errorLog = new LogLimiter(Duration.ofSeconds(30));
    final LongAdder published = new LongAdder();
    final LongAdder failed = new LongAdder();
    private volatile Session session;
    private volatile boolean running = true;
    /** Where the loop waits for a session while disconnected. */
    private final Object noSession = new Object();

    private final TopicStates topics;

    PublishLoop(Outbox outbox, MqttLink link, int qos, int maxRate, int deadLetterAfter, Refusals refusals,
                TopicStates topics) {
        this.topics = topics;
        this.outbox = outbox;
        this.link = link;
        this.qos = qos;
        this.pacer = new Pacer(maxRate);
        this.poison = new PoisonDetector(outbox, deadLetterAfter);
        this.refusals = refusals;
        this.refusalPolicy = new RefusalPolicy(outbox, refusals, deadLetterAfter);
    }

    /** Supervisor thread, after connect: publishing restarts from the lowest unacknowledged seq. */
    void sessionStarted(Session s) {
        session = s;
        wake();
    }

    /** Any thread, non-blocking: the connection is gone; in-flight publishes will fail on their own. */
    void sessionEnded() {
        session = null;
        wake();
    }

    /** Any thread: the loop returns soon (once a publish or an outbox read under way is done). */
    void stop() {
        running = false;
        wake();
    }

    /** Any thread, non-blocking (short locks only): the loop looks at its state again now. */
    private void wake() {
        synchronized (noSession) {
            noSession.notifyAll();
        }
        outbox.wakeWaiters();
    }

    @Override
    public void run() {
        Session current = null;
        long cursor = 0;
        long rewinds = outbox.rewinds();
        while (running) {
            // Read before the state it guards: a wake-up from here on ends the wait for commits below.
            long woken = outbox.wakeCount();
            Session s = session;
            if (s == null) {
                awaitSession();
                continue;
            }
            long r = outbox.rewinds();
            if (s != current || s.rewind().getAndSet(false) || r != rewinds) {
                // New connection, a failed publish (its fate is unknown) or a transient refusal: resend
                // from the lowest unacknowledged seq. Duplicates are bounded by the in-flight window. Or
                // the outbox's store came back and the rows it held back are readable again.
                if (current != null && s != current) {
                    poison.sessionFailed(current.lowestFailed().get());
                }
                current = s;
                cursor = 0;
                rewinds = r;
            }
            try {
                cursor = publishBatch(s, cursor, woken);
            } catch (SQLException e) {
                logError("outbox read failed: {}", e.toString());
                sleep(1000);
            } catch (RuntimeException e) {
                // A bug must not end publishing for good: this thread is the only publisher.
                if (errorLog.tryAcquire() >= 0) {
                    log.error("publisher loop failed, going on in 1 s", e);
                }
                sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** @return the new cursor: the next seq to send */
    private long publishBatch(Session s, long cursor, long woken) throws SQLException, InterruptedException {
        long hold = refusalPolicy.holdNanos();
        if (hold > 0) {
            // A transient refusal holds the queue: wait before reading, so what is read after it is
            // current. Rows read before the hold may have been acknowledged (and deleted) meanwhile.
            TimeUnit.NANOSECONDS.sleep(Math.min(hold, TimeUnit.MILLISECONDS.toNanos(100)));
            return cursor;
        }
        long committed = outbox.committedSeq();
        List<WireMessage> rows = outbox.readCommitted(cursor, READ_BATCH);
        if (rows.isEmpty()) {
            // Nothing unacknowledged up to `committed`: wait for the next commit.
            long next = Math.max(cursor, committed + 1);
            outbox.awaitCommitted(next, IDLE_WAIT, woken);
            return next;
        }
        for (WireMessage m : rows) {
            if (s.inflight().containsKey(m.seq()) || outbox.settled(m.seq())) {
                // In flight, or acknowledged since the read (a rewind reads rows still in flight).
                cursor = m.seq() + 1;
                continue;
            }
            byte[] payload = m.payload().getBytes(StandardCharsets.UTF_8);
            // The exact size only matters against a stated limit; otherwise the payload ranks 0x95 suspects.
            long size = s.limits().maximumPacketSize() > 0 ? link.packetSize(m.topic(), payload.length, qos)
                    : payload.length;
            if (s.limits().tooLarge(size)) {
                // The broker would disconnect us for it (0x95): refuse it here, and move on.
                refusals.tooLarge(m.topic(), m.seq(), size, s.limits().maximumPacketSize(), "dead-lettered");
                topics.refused(m.topic(), Refusals.PACKET_TOO_LARGE);
                outbox.deadLetter(m.seq(), LossReason.PACKET_TOO_LARGE);
                cursor = m.seq() + 1;
                continue;
            }
            if (!acquire(s)) {
                return cursor;
            }
            if (outbox.settled(m.seq())) {
                // Acknowledged while we waited for the slot: the row was read before its ack came.
                s.permits().release();
                cursor = m.seq() + 1;
                continue;
            }
            pacer.await();
            s.inflight().put(m.seq(), size);
            try {
                link.publish(m.topic(), payload, qos, false, new Completion(s, m.seq(), m.topic()));
            } catch (MqttLink.NotSentException e) {
                s.inflight().remove(m.seq());
                s.permits().release();
                if (!e.disconnected()) {
                    logError("publish of seq {} failed, retrying: {}", m.seq(), e.getMessage());
                }
                // Not connected: the connection-lost callback is on its way; don't spin until it lands.
                sleep(100);
                return cursor;
            }
            cursor = m.seq() + 1;
        }
        return cursor;
    }

    private void awaitSession() {
        synchronized (noSession) {
            if (running && session == null) {
                try {
                    noSession.wait(IDLE_WAIT.toMillis());
                } catch (InterruptedException e) {
                    running = false;
                }
            }
        }
    }

    /**
     * Waits for a window slot; false if the session ended, a rewind is due, a transient refusal
     * holds the queue (the loop waits it out and reads again) or the loop is stopping meanwhile.
     */
    private boolean acquire(Session s) throws InterruptedException {
        while (running && session == s && !s.rewind().get() && refusalPolicy.holdNanos() == 0) {
            if (s.permits().tryAcquire(100, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    private void logError(String format, Object... args) {
        long suppressed = errorLog.tryAcquire();
        if (suppressed >= 0) {
            log.warn(format + (suppressed > 0 ? " (" + suppressed + " similar not logged)" : ""), args);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            running = false;
        }
    }

    /** Runs on the client's callback thread: only non-blocking hand-offs here. */
    private final class Completion implements MqttLink.Completion {
        private final Session s;
        private final long seq;
        private final String topic;

        Completion(Session s, long seq, String topic) {
            this.s = s;
            this.seq = seq;
            this.topic = topic;
        }

        private void done() {
            s.inflight().remove(seq);
            s.permits().release();
        }

        @Override
        public void accepted() {
            // QoS 1: PUBACK with a success code. QoS 0: written to the socket, which guarantees nothing.
            // Settled before it leaves the in-flight map: the loop skips a row that is in either.
            outbox.acked(seq);
            done();
            published.increment();
            topics.accepted(topic);
            poison.acked(seq);
            refusalPolicy.accepted(seq);
        }

        @Override
        public void refused(Refusal r) {
            // Never counted as published: the broker did not take it.
            done();
            topics.refused(topic, r.reason().wire());
            if (refusalPolicy.refused(r, seq, topic)) {
                s.rewind().set(true);
                wake();
            }
        }

        @Override
        public void failed(Throwable cause) {
            // Unknown, not lost: the row stays and is resent from the lowest unacknowledged seq.
            s.lowestFailed().accumulateAndGet(seq, Math::min);
            done();
            failed.increment();
            s.rewind().set(true);
            wake();
        }
    }
}
