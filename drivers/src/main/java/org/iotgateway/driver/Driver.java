package org.iotgateway.driver;

/**
 * One running sensor driver.
 *
 * <p>A driver is created by its {@link DriverType} from a validated config, started once by the
 * gateway's start-up thread (or the reload thread, for a sensor a config reload added or changed)
 * and closed once, on shutdown or when a reload removes or changes its sensor; a reload that leaves
 * the sensor's settings unchanged keeps it running. Two shapes exist:
 * {@link PolledDriver} (the gateway calls {@code poll} at the sample interval) and
 * {@link PushDriver} (the driver owns its threads or listeners and calls the sink itself).
 */
public sealed interface Driver extends AutoCloseable permits PolledDriver, PushDriver {

    /**
     * Releases threads, ports and handles. Called once, from the gateway's shutdown or reload
     * thread, after which the driver must no longer call its sink. Must not throw for an already-broken
     * device, nor for a driver that was never started (a reload given up after creating it).
     */
    @Override
    void close();
}
