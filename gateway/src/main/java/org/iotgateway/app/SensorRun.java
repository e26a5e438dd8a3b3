package org.iotgateway.app;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.driver.Driver;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PolledDriver;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.health.SensorHealth;
import org.iotgateway.stream.ReadingRing;

/**
 * One sensor's driver for as long as its config stays the same: across reloads that leave the
 * sensor unchanged it keeps running, and only its route into the ring changes. The driver numbers
 * its channels 0..n-1 (config order); {@link RoutedSink} maps them to the pipeline's channel ids.
 *
 * <p>Created, started, rerouted and stopped on the start-up / reload / shutdown thread (one at a
 * time); polls run on the {@link DriverSet}'s scheduler.
 */
final class SensorRun {
    final SensorConfig config;
    private final Driver driver;
    private final RoutedSink route = new RoutedSink();
    private ScheduledFuture<?> polls;
    private boolean stopped;

    /** Creates the driver; starts nothing. */
    SensorRun(SensorConfig config) {
        this.config = config;
        DriverType<?, ?> type = DriverCatalog.find(config.driver())
                .orElseThrow(() -> new IllegalArgumentException("no driver named " + config.driver()));
        this.driver = type.create(config.spec());
    }

    /** Starts producing into {@code ring}, health first. */
    void start(SensorHealth health, ReadingRing ring, ChannelTable table, ScheduledExecutorService scheduler) {
        routeTo(ring, table);
        ReadingSink sink = health.sink(config.id(), route);
        if (driver instanceof PushDriver push) {
            push.start(sink);
        } else if (driver instanceof PolledDriver polled) {
            polls = scheduler.scheduleAtFixedRate(() -> poll(polled, sink), 0, polled.interval().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Sends this sensor's readings to {@code ring} from now on (see {@link RoutedSink#routeTo}). */
    void routeTo(ReadingRing ring, ChannelTable table) {
        route.routeTo(ring, config.channels().stream().mapToInt(c -> table.idOf(config.id(), c.id())).toArray());
    }

    /** A failing poll is counted as a reject ({@code poll-error}); the next one happens as planned. */
    private synchronized void poll(PolledDriver d, ReadingSink sink) {
        if (stopped) {
            return;
        }
        try {
            d.poll(System.currentTimeMillis(), sink);
        } catch (Exception e) {
            sink.reject(config.id(), "poll-error", e.toString());
        }
    }

    /** Stops the driver; once this returns it offers nothing more (a poll under way is waited for). */
    void stop() {
        if (polls != null) {
            polls.cancel(false);
        }
        synchronized (this) {
            stopped = true;
        }
        driver.close();
    }
}
