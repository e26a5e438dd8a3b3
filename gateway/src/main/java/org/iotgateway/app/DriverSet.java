package org.iotgateway.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.health.SensorHealth;
import org.iotgateway.stream.ReadingRing;

/**
 * The running drivers, one {@link SensorRun} per sensor, and their health, for the life of the
 * gateway. Polled drivers share a small scheduler, which also looks for stale sensors once a second
 * when a sensor has a {@code stale-after}; its threads start with the first such task, so a gateway
 * of push drivers only has none. A config is applied in two steps so that a
 * reload can give up before anything changed: {@link #prepare} creates the drivers of new and
 * changed sensors, {@link #apply} stops the old ones, starts the new ones and reroutes the kept ones.
 *
 * <p>Threads: prepare, apply and close on the start-up / reload / shutdown thread, one at a time;
 * {@link #health()} on any thread.
 */
final class DriverSet implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final Map<String, SensorRun> runs = new LinkedHashMap<>();
    private volatile SensorHealth health = new SensorHealth(System.currentTimeMillis());
    private ScheduledFuture<?> staleChecks;

    DriverSet() {
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "driver-poll");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A prepared change of drivers: those of new or changed sensors exist but do not run yet.
     * {@link #abandon} it (closes them) or {@link #apply} it.
     */
    record Change(List<SensorRun> started, List<SensorRun> kept, List<SensorRun> stopped, SensorHealth health) {
        void abandon() {
            started.forEach(SensorRun::stop);
        }

        /** "kept [a]; restarted [b]; added [c]; removed [d]" for the reload's log line. */
        String summary() {
            List<String> startedIds = ids(started);
            List<String> stoppedIds = ids(stopped);
            List<String> restarted = startedIds.stream().filter(stoppedIds::contains).toList();
            return "running on " + ids(kept) + ", restarted " + restarted
                    + ", added " + startedIds.stream().filter(id -> !restarted.contains(id)).toList()
                    + ", removed " + stoppedIds.stream().filter(id -> !restarted.contains(id)).toList();
        }

        private static List<String> ids(List<SensorRun> runs) {
            return runs.stream().map(r -> r.config.id()).toList();
        }
    }

    /** Creates the drivers of sensors that are new or configured differently; changes nothing running. */
    Change prepare(GatewayConfig next) {
        List<SensorRun> started = new ArrayList<>();
        List<SensorRun> kept = new ArrayList<>();
        SensorHealth nextHealth = new SensorHealth(System.currentTimeMillis());
        try {
            for (SensorConfig s : next.sensors()) {
                SensorRun run = runs.get(s.id());
                if (run != null && run.config.equals(s)) {
                    kept.add(run);
                    nextHealth.adopt(health, s.id());
                } else {
                    started.add(new SensorRun(s));
                    nextHealth.add(s.id(), s.staleAfter());
                }
            }
        } catch (RuntimeException e) {
            started.forEach(SensorRun::stop);
            throw e;
        }
        List<SensorRun> stopped = runs.values().stream().filter(r -> !kept.contains(r)).toList();
        return new Change(started, kept, stopped, nextHealth);
    }

    /**
     * Stops the drivers of removed and changed sensors, starts the new ones into {@code ring} and
     * points the kept ones at it. When it returns, nothing offers into the previous ring any more.
     */
    void apply(Change change, ReadingRing ring, ChannelTable table) {
        change.stopped().forEach(SensorRun::stop);
        health = change.health();
        watchStaleness(health.watchesStaleness());
        change.started().forEach(r -> r.start(change.health(), ring, table, scheduler));
        change.kept().forEach(r -> r.routeTo(ring, table));
        runs.clear();
        change.kept().forEach(r -> runs.put(r.config.id(), r));
        change.started().forEach(r -> runs.put(r.config.id(), r));
    }

    SensorHealth health() {
        return health;
    }

    private void watchStaleness(boolean needed) {
        if (needed && staleChecks == null) {
            staleChecks = scheduler.scheduleWithFixedDelay(() -> health.check(System.currentTimeMillis()), 1, 1,
                    TimeUnit.SECONDS);
        } else if (!needed && staleChecks != null) {
            staleChecks.cancel(false);
            staleChecks = null;
        }
    }

    @Override
    public void close() {
        runs.values().forEach(SensorRun::stop);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
