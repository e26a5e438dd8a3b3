package org.iotgateway.driver;

/**
 * Where a driver delivers readings: the gateway's ring buffer.
 *
 * <p>Called from driver threads (a polled driver's scheduler thread, a push driver's own reader
 * or listener thread); many threads may call it at once. It never blocks for longer than the
 * stream's configured overflow wait, and it never throws for a full buffer: a reading that cannot
 * be accepted is counted as dropped for its channel, and {@code offer} returns {@code false}.
 * Drivers should simply move on when that happens.
 */
public interface ReadingSink {

    /**
     * Offers one reading.
     *
     * @param channel the channel id handed to the driver in its {@link ChannelSpec}
     * @param epochMillis acquisition time (wall clock, UTC epoch milliseconds), stamped by the driver
     * @param value the measured value
     * @return true if accepted into the buffer, false if dropped (already counted)
     */
    boolean offer(int channel, long epochMillis, double value);

    /**
     * Reports input a driver could not turn into a reading (garbage, bad checksum, sensor error
     * code). The gateway counts it per sensor and reason and logs it, rate-limited. Never blocks.
     *
     * @param sensor the sensor id from {@link SensorSpec#sensorId()}
     * @param reason a short, stable, lower-case reason such as {@code "checksum"} or {@code "garbage"}
     * @param detail a human-readable detail for the log (may be null); never secret material
     */
    void reject(String sensor, String reason, String detail);

    /**
     * Reports a change of the sensor's link state (device gone, back, mostly garbage). Drivers call
     * it on transitions only, from their own threads; never blocks. The default ignores it so that
     * sinks that do not track health (benchmarks, tests) need not implement it.
     *
     * @param sensor the sensor id from {@link SensorSpec#sensorId()}
     * @param state the new state
     * @param detail why, for the log (may be null): {@code "port /dev/ttyUSB0 not found"}
     */
    default void state(String sensor, SensorState state, String detail) {
    }
}
