package org.iotgateway.stream;

/**
 * Receives every aggregate the engine closes, in window-end order.
 *
 * <p>Called on the stream consumer thread (live) or the replay thread; must not block for long:
 * hand work that waits on disks or networks to another thread.
 */
@FunctionalInterface
public interface AggregateListener {
    void onAggregate(Aggregate aggregate);
}
