package org.iotgateway.mqtt;

import java.util.concurrent.TimeUnit;

/**
 * Whether a lost connection has a reason other than a second client with our client id, for
 * {@link KickedOff}: an explained loss never counts towards the takeover alarm. A loss is explained
 * when the broker gave a reason (a DISCONNECT code), when the client could not read the broker's
 * answer, when the link went silent (Paho's keep-alive timeout: a dead Wi-Fi or cable, not a broker
 * closing us), when the broker refused one of our publishes in the last minute (it is dropping us for
 * our messages: mosquitto before 2.0.22 with {@code max_queued_messages 0} closes the connection
 * right after each refusal, mosquitto#3244, and the refusal's answer and the close race on Paho's two
 * threads), or when the same message was the oldest owed at the previous loss (a message the broker
 * will not take).
 * <p>
 * Supervisor thread ({@link #connected}) and the client's callback thread ({@link #explains}); never blocks.
 */
final class LossExplanation {
    static final long REFUSAL_EXPLAINS_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Paho's "Timed out waiting for a response from the server" (v3 and v5): no PINGRESP in time. */
    private static final int CLIENT_TIMEOUT = 32000;

    private volatile long refusalsAtConnect;
    private volatile long lastRefusalAt;
    private volatile long lastLostOwed = -1;

    /** A connection was made while {@code refusals} publishes had been refused in all. */
    void connected(long refusals) {
        refusalsAtConnect = refusals;
    }

    /**
     * The connection ended at {@code now} (nanoTime).
     *
     * @param lowestOwed the oldest message of the session still owed an answer, or -1
     * @param refusals publishes refused in all so far
     */
    boolean explains(ServerDisconnect why, long lowestOwed, long refusals, long now) {
        boolean sameMessage = lowestOwed >= 0 && lowestOwed == lastLostOwed;
        lastLostOwed = lowestOwed;
        boolean refusedNow = refusals != refusalsAtConnect;
        if (refusedNow) {
            lastRefusalAt = now;
        }
        boolean refusedLately = lastRefusalAt != 0 && now - lastRefusalAt < REFUSAL_EXPLAINS_NANOS;
        return why.code() >= 0 || UnreadableAnswer.is(why.cause()) || timedOut(why.cause())
                || refusedNow || refusedLately || sameMessage;
    }

    static boolean timedOut(Throwable t) {
        return PahoCodes.of(t) == CLIENT_TIMEOUT;
    }
}
