package org.iotgateway.mqtt;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Recognises a takeover the broker does not name (mosquitto 2.0 and RabbitMQ close the older of two
 * connections with one client id without a DISCONNECT 0x8E; MQTT 3.1.1 has no way to say it): a
 * "flap" is a connection closed without an explanation (no DISCONNECT reason, no refusal, not the
 * same oldest message as the previous loss), made at the first attempt after the previous loss, and
 * followed by a reconnect that again succeeds at the first attempt: the broker was up and answering
 * all along. A broker or node going down looks different: the attempts after the loss fail.
 * <p>
 * Both of two gateways with one client id see flaps, since each reconnect of one closes the other's
 * connection; how long those connections last is the other one's reconnect delay, at most the
 * backoff's 30 s. So {@link #STREAK} flaps in a row, each ending a connection younger than
 * {@link #YOUNG_NANOS}, within {@link #WINDOW_NANOS}, raise the alarm, on both sides within seconds.
 * While a conflict is known ({@code conflict} true) every flap counts, however long its connection
 * lasted: the two then take turns, each kept off for the other's growing takeover back-off.
 * <p>
 * For {@link #SETTLE_NANOS} after a connect that needed more than one attempt (the broker or our
 * node was down: a failover, a cluster restart) flaps do not count: a cluster that just lost a node
 * may close a new connection right after accepting it a few times while it settles (RabbitMQ 3.10,
 * whose client id registry needs its Raft majority, did so 5 times in 6 s after a node crash in
 * {@code ClusterFailoverIT}). Twins do not need several attempts to connect, so their alarm is not
 * delayed; a twin met right after an outage is recognised once the settling time is over.
 * <p>
 * Supervisor and callback threads, one event at a time; never blocks.
 */
final class KickedOff {
    static final int STREAK = 3;
    static final long YOUNG_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(2);
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ArrayDeque<Long> flaps = new ArrayDeque<>();
    private long connectedAt;
    private int failedSinceLoss;
    private boolean firstAttempt = true;
    private boolean candidate;
    private boolean explained;
    private boolean young;
    private boolean recovered;
    private long recoveredAt;

    synchronized void connectFailed() {
        failedSinceLoss++;
    }

    /**
     * A connect succeeded at {@code now} (nanoTime).
     *
     * @param conflict a takeover is known (recent): any flap counts
     * @return true when this connect confirms a takeover: a streak completed, or a flap during a known conflict
     */
    synchronized boolean connected(long now, boolean conflict) {
        boolean answering = failedSinceLoss == 0;
        boolean settling = recovered && now - recoveredAt < SETTLE_NANOS;
        if (!answering) {
            recovered = true;
            recoveredAt = now;
        }
        boolean flap = candidate && answering && (young || conflict) && (conflict || !settling);
        boolean neutral = explained && answering;
        candidate = false;
        explained = false;
        firstAttempt = answering;
        failedSinceLoss = 0;
        connectedAt = now;
        if (!flap) {
            if (!neutral) {
                flaps.clear();
            }
            return false;
        }
        if (conflict) {
            return true;
        }
        flaps.addLast(now);
        while (now - flaps.peekFirst() > WINDOW_NANOS) {
            flaps.removeFirst();
        }
        if (flaps.size() >= STREAK) {
            flaps.clear();
            return true;
        }
        return false;
    }

    /**
     * The connection ended at {@code now}; {@code explained}: it had another reason than a twin, as
     * {@link LossExplanation} judges. An explained loss neither counts nor breaks a streak.
     *
     * @return true when it may be a takeover: the backoff keeps growing instead of starting from the bottom
     */
    synchronized boolean lost(long now, boolean explained) {
        this.explained = explained;
        candidate = !explained && firstAttempt;
        young = now - connectedAt < YOUNG_NANOS;
        return candidate;
    }
}
