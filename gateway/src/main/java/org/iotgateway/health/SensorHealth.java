package org.iotgateway.health;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of every sensor: its driver's link state, the time of its last reading, and a stale
 * alarm raised when it has been silent for longer than its {@code stale-after} and cleared when
 * readings return. Each change is logged once (WARN when it gets worse, INFO when it recovers).
 *
 * <p>Thread use: drivers' threads feed it through {@link #sink}; a scheduler thread calls
 * {@link #check}; any thread may take a {@link #snapshot}. Nothing here blocks.
 */
public final class SensorHealth {
    private static final Logger LOG = LoggerFactory.getLogger(SensorHealth.class);

    private final Map<String, Tracker> sensors = new LinkedHashMap<>();
    private final long startMillis;

    public SensorHealth(long startMillis) {
        this.startMillis = startMillis;
    }

    /** Registers a sensor; main thread, before drivers start. {@code staleAfter} null: never stale. */
    public void add(String sensor, Duration staleAfter) {
        sensors.put(sensor, new Tracker(sensor, staleAfter == null ? 0 : staleAfter.toMillis(), startMillis));
    }

    /**
     * A reload kept {@code sensor}'s driver running: its health (state, last reading, stale alarm)
     * carries on here, and the sink {@code from} gave its driver keeps feeding it. Main thread,
     * before this instance is shared.
     */
    public void adopt(SensorHealth from, String sensor) {
        sensors.put(sensor, from.tracker(sensor));
    }

    /** A sink for one sensor's driver that records its readings and states, then forwards to {@code next}. */
    public ReadingSink sink(String sensor, ReadingSink next) {
        Tracker t = tracker(sensor);
        return new ReadingSink() {
            @Override
            public boolean offer(int channel, long epochMillis, double value) {
                t.lastReading = epochMillis;
                return next.offer(channel, epochMillis, value);
            }

            @Override
            public void reject(String s, String reason, String detail) {
                next.reject(s, reason, detail);
            }

            @Override
            public void state(String s, SensorState state, String detail) {
                t.state(state, detail);
                next.state(s, state, detail);
            }
        };
    }

    /** Whether any sensor has a {@code stale-after}: only then is {@link #check} needed at all. */
    public boolean watchesStaleness() {
        return sensors.values().stream().anyMatch(t -> t.staleAfterMillis > 0);
    }

    /** Raises and clears stale alarms; call about once a second from one thread. */
    public void check(long nowMillis) {
        for (Tracker t : sensors.values()) {
            t.check(nowMillis);
        }
    }

    /** {@code sensor id -> status}, in config order; any thread. */
    public Map<String, SensorStatus> snapshot() {
        Map<String, SensorStatus> out = new LinkedHashMap<>();
        sensors.forEach((id, t) -> out.put(id, t.status()));
        return Collections.unmodifiableMap(out);
    }

    private Tracker tracker(String sensor) {
        Tracker t = sensors.get(sensor);
        if (t == null) {
            throw new IllegalArgumentException("unknown sensor " + sensor);
        }
        return t;
    }

    private static final class Tracker {
        final String sensor;
        final long staleAfterMillis;
        /** Since when a sensor without readings counts as silent. */
        final long since;
        volatile long lastReading;
        private SensorState state = SensorState.OK;
        private String detail;
        private boolean stale;

        Tracker(String sensor, long staleAfterMillis, long since) {
            this.sensor = sensor;
            this.staleAfterMillis = staleAfterMillis;
            this.since = since;
        }

        synchronized void state(SensorState s, String why) {
            detail = why;
            if (s == state) {
                return;
            }
            SensorState was = state;
            state = s;
            if (s == SensorState.OK) {
                LOG.info("sensor {}: {} -> ok{}", sensor, name(was), why == null ? "" : " (" + why + ")");
            } else {
                LOG.warn("sensor {}: {} -> {}{}", sensor, name(was), name(s), why == null ? "" : " (" + why + ")");
            }
        }

        synchronized void check(long now) {
            if (staleAfterMillis == 0) {
                return;
            }
            long last = lastReading;
            long silentSince = last == 0 ? since : last;
            boolean nowStale = now - silentSince > staleAfterMillis;
            if (nowStale && !stale) {
                LOG.warn("sensor {}: stale, no reading for {} s (stale-after {} s)", sensor,
                        (now - silentSince) / 1000, staleAfterMillis / 1000);
            } else if (!nowStale && stale) {
                LOG.info("sensor {}: readings are back, stale alarm cleared", sensor);
            }
            stale = nowStale;
        }

        synchronized SensorStatus status() {
            return new SensorStatus(state, lastReading, stale, detail);
        }

        private static String name(SensorState s) {
            return s.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
