package org.iotgateway.mqtt;

import java.util.concurrent.atomic.AtomicLong;
import org.iotgateway.outbox.Outbox;

/**
 * Finds the message a broker keeps refusing. A broker with {@code max_packet_size} drops the
 * connection when it reads a larger publish; since the publisher resends from the lowest
 * unacknowledged seq after every reconnect, the poison message is the lowest failed one connection
 * after connection. After {@code limit} such connections in a row it goes to the dead-letter table
 * and the queue behind it moves on. An acknowledgement of the suspect clears it.
 * <p>
 * {@link #sessionFailed} runs on the publisher thread, {@link #acked} on Paho's callback thread.
 */
final class PoisonDetector {
    private final Outbox outbox;
    private final int limit;
    private final AtomicLong suspect = new AtomicLong(-1);
    private int strikes;

    PoisonDetector(Outbox outbox, int limit) {
        this.outbox = outbox;
        this.limit = limit;
    }

    /** A connection ended; {@code lowestFailed} is its lowest failed seq (Long.MAX_VALUE if none). */
    void sessionFailed(long lowestFailed) {
        if (lowestFailed == Long.MAX_VALUE) {
            return;
        }
        if (suspect.getAndSet(lowestFailed) == lowestFailed) {
            strikes++;
        } else {
            strikes = 1;
        }
        if (strikes >= limit) {
            outbox.deadLetter(lowestFailed);
            suspect.set(-1);
            strikes = 0;
        }
    }

    void acked(long seq) {
        suspect.compareAndSet(seq, -1);
    }
}
