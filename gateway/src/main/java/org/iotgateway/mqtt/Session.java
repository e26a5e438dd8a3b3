package org.iotgateway.mqtt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One MQTT connection's publishing state. A new connection gets a new Session, so late callbacks
 * of the old one release the old semaphore and cannot inflate the new window.
 *
 * @param permits in-flight window: maxInflight - 1, because Paho's own counter lags the token
 *                completion (eclipse/paho.mqtt.java#551) and would otherwise throw 32202
 * @param inflight seqs published on this connection and not yet completed; a rewind skips them
 * @param rewind set by a failed publish: re-read from the lowest unacknowledged seq
 * @param lowestFailed the lowest seq whose publish failed on this connection (poison detection)
 */
record Session(Semaphore permits, Set<Long> inflight, AtomicBoolean rewind, AtomicLong lowestFailed) {
    static Session open(int maxInflight) {
        return new Session(new Semaphore(maxInflight - 1), ConcurrentHashMap.newKeySet(), new AtomicBoolean(),
                new AtomicLong(Long.MAX_VALUE));
    }
}
