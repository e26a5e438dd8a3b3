package org.iotgateway.app;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.stream.ReadingRing;

/**
 * The end of one driver's sink chain: forwards its readings into the current pipeline's ring,
 * translating the driver's own channel numbers (0..n-1, its sensor's channels in config order) into
 * the ring's channel ids. A reload points it at the next pipeline's ring while the driver keeps
 * running.
 *
 * <p>{@link #offer} and {@link #reject}: driver threads, any number at once; they add two
 * uncontended atomic updates to the ring's own cost. {@link #routeTo}: the start-up or reload
 * thread; it returns only once no offer is still on its way into the previous ring, so the previous
 * pipeline can drain its ring knowing nothing more will arrive there.
 */
final class RoutedSink implements ReadingSink {
    private record Route(ReadingRing ring, int[] ids) {
    }

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Route route;

    @Override
    public boolean offer(int channel, long epochMillis, double value) {
        inFlight.incrementAndGet();
        try {
            Route r = route;
            return r.ring.offer(r.ids[channel], epochMillis, value);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void reject(String sensor, String reason, String detail) {
        route.ring.reject(sensor, reason, detail);
    }

    /**
     * Sends the readings of the driver's channel {@code i} to channel {@code ids[i]} of {@code ring}
     * from now on; waits (at most one offer, which an overflow policy of {@code block} may stretch
     * to its timeout) for offers already on their way into the previous ring.
     */
    void routeTo(ReadingRing ring, int[] ids) {
        route = new Route(ring, ids.clone());
        // An offer that incremented before this read either finished with the old route or reads the new one.
        while (inFlight.get() != 0) {
            LockSupport.parkNanos(10_000);
        }
    }
}
