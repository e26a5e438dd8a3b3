package org.iotgateway.mqtt;

import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MQTT connection's publishing state. A new connection gets a new Session, so late callbacks
 * of the old one release the old semaphore and cannot inflate the new window.
 *
 * @param permits the in-flight window, {@link MqttLink#window}: within our max-inflight and the
 *                broker's Receive Maximum
 * @param inflight seqs published on this connection and not yet completed, with their packet sizes
 *                 (a DISCONNECT 0x95 blames the largest); a rewind skips them
 * @param rewind set by a failed or transiently refused publish: re-read from the lowest unacknowledged seq
 * @param lowestFailed the lowest seq whose publish failed on this connection (poison detection)
 * @param limits what the broker's CONNACK said
 * @param retainedInflight topics of retained messages (status, discovery) in flight, oldest first
 */
record Session(Semaphore permits, Map<Long, Long> inflight, AtomicBoolean rewind, AtomicLong lowestFailed,
               BrokerLimits limits, Deque<String> retainedInflight) {
    static Session open(int window, BrokerLimits limits) {
        return new Session(new Semaphore(window), new ConcurrentHashMap<>(), new AtomicBoolean(),
                new AtomicLong(Long.MAX_VALUE), limits, new ConcurrentLinkedDeque<>());
    }

    /** A window slot: waits for one ({@code wait}), or at most a second; false if none came. */
    boolean acquire(boolean wait) {
        try {
            if (wait) {
                permits.acquire();
                return true;
            }
            return permits.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The in-flight seq with the largest packet, or -1 if none. */
    long largestInflight() {
        return inflight.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1L);
    }
}
