package org.iotgateway.driver;

import java.time.Duration;

/**
 * A driver the gateway samples: it schedules {@link #poll} every {@link #interval()} on one of
 * its scheduler threads. One driver's polls never overlap.
 */
public non-sealed interface PolledDriver extends Driver {

    /** The sample interval; constant for the life of the driver. */
    Duration interval();

    /**
     * Reads the sensor once and offers the readings. Called on a gateway scheduler thread; may block
     * on I/O for a short time (well below {@link #interval()}), must not sleep in a loop. Exceptions
     * are caught by the gateway, counted as {@code poll-error} and logged rate-limited; the next poll
     * happens as scheduled.
     *
     * @param nowMillis the wall-clock time of this poll, to stamp readings with
     */
    void poll(long nowMillis, ReadingSink sink) throws Exception;
}
