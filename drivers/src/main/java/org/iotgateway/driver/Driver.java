package org.iotgateway.driver;

/**
 * One running sensor driver.
 *
 * <p>A driver is created by its {@link DriverType} from a validated config, started once by the
 * gateway's main thread and closed once on shutdown (also from the main thread). Two shapes exist:
 * {@link PolledDriver} (the gateway calls {@code poll} at the sample interval) and
 * {@link PushDriver} (the driver owns its threads or listeners and calls the sink itself).
 */
public sealed interface Driver extends AutoCloseable permits PolledDriver, PushDriver {

    /**
     * Releases threads, ports and handles. Called once, from the gateway's main thread, after
     * which the driver must no longer call its sink. Must not throw for an already-broken device.
     */
    @Override
    void close();
}
