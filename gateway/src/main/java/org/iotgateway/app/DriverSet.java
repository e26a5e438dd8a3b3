package org.iotgateway.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.Driver;
import org.iotgateway.driver.DriverCatalog;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PolledDriver;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.health.SensorHealth;

/**
 * Creates every configured driver, starts them into a sink, and stops them. Polled drivers share
 * a small scheduler; a failing poll is counted as a reject ({@code poll-error}) and the next poll
 * happens as planned. Start and close are called from the main thread.
 */
final class DriverSet implements AutoCloseable {
    private final List<Driver> drivers = new ArrayList<>();
    private final List<String> sensorIds = new ArrayList<>();
    private final SensorHealth health = new SensorHealth(System.currentTimeMillis());
    private ScheduledExecutorService scheduler;

    DriverSet(GatewayConfig config, ChannelTable table) {
        for (SensorConfig s : config.sensors()) {
            DriverType<?, ?> type = DriverCatalog.find(s.driver())
                    .orElseThrow(() -> new IllegalArgumentException("no driver named " + s.driver()));
            List<ChannelSpec<Record>> channels = new ArrayList<>();
            for (ChannelConfig c : s.channels()) {
                channels.add(new ChannelSpec<>(table.idOf(s.id(), c.id()), c.id(), c.params()));
            }
            drivers.add(type.create(new SensorSpec<>(s.id(), s.params(), channels)));
            sensorIds.add(s.id());
            health.add(s.id(), s.staleAfter());
        }
    }

    /** Each driver gets a sink that feeds {@link #health()} on its way to {@code ring}. */
    void start(ReadingSink ring) {
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "driver-poll");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> health.check(System.currentTimeMillis()), 1, 1, TimeUnit.SECONDS);
        for (int i = 0; i < drivers.size(); i++) {
            Driver d = drivers.get(i);
            ReadingSink sink = health.sink(sensorIds.get(i), ring);
            if (d instanceof PushDriver push) {
                push.start(sink);
            } else if (d instanceof PolledDriver polled) {
                schedule(polled, sensorIds.get(i), sink);
            }
        }
    }

    SensorHealth health() {
        return health;
    }

    private void schedule(PolledDriver d, String sensor, ReadingSink sink) {
        long periodNanos = d.interval().toNanos();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                d.poll(System.currentTimeMillis(), sink);
            } catch (Exception e) {
                sink.reject(sensor, "poll-error", e.toString());
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Driver d : drivers) {
            d.close();
        }
    }
}
