package org.iotgateway.mqtt;

import java.util.concurrent.TimeUnit;

/**
 * Recognises a takeover the broker does not name: connections closed within a second of being
 * made, without an explanation (no DISCONNECT reason, no refusal just before), each made at the
 * first attempt after the previous loss (the broker is up and answering). Such a loss keeps the
 * reconnect backoff growing instead of starting it from the bottom, and {@link #STREAK} in a row
 * raise the alarm. A broker restarting looks different: its connects fail in between.
 * Supervisor and callback threads, one event at a time; never blocks.
 */
final class KickedOff {
    static final int STREAK = 3;
    private static final long SHORT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private long connectedAt;
    private int failedSinceLoss;
    private boolean firstAttempt = true;
    private int streak;

    synchronized void connectFailed() {
        failedSinceLoss++;
    }

    synchronized void connected() {
        connectedAt = System.nanoTime();
        firstAttempt = failedSinceLoss == 0;
        failedSinceLoss = 0;
    }

    /**
     * @param kicked the loss looks like a takeover: the backoff keeps growing
     * @param alarm it completes a streak (counting starts anew)
     */
    record Verdict(boolean kicked, boolean alarm) {
    }

    /** The connection ended; {@code explained}: the broker gave a reason, or refused a publish just before. */
    synchronized Verdict lost(boolean explained) {
        boolean kicked = !explained && firstAttempt && System.nanoTime() - connectedAt < SHORT_NANOS;
        streak = kicked ? streak + 1 : 0;
        boolean alarm = streak >= STREAK;
        if (alarm) {
            streak = 0;
        }
        return new Verdict(kicked, alarm);
    }
}
