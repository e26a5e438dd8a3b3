package org.iotgateway.driver.gpio;

/**
 * Software debounce: an edge is taken only if at least {@code window} has passed since the last
 * taken edge; the bounces of a contact arrive inside that window and are dropped (and counted).
 * Applied on top of the provider's own debounce so the behaviour is the same on every provider.
 * Called on the provider's event thread only.
 */
final class Debounce {
    private final long windowNanos;
    private long last;
    private boolean any;
    private long suppressed;

    Debounce(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    boolean accept(long nanos) {
        if (any && nanos - last < windowNanos) {
            suppressed++;
            return false;
        }
        any = true;
        last = nanos;
        return true;
    }

    long suppressed() {
        return suppressed;
    }
}
