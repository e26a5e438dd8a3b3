package org.iotgateway.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.util.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts input that drivers could not turn into readings, per sensor and reason, and logs it
 * rate-limited. Called from driver threads; never blocks for long.
 */
public final class RejectCounter {
    private static final Logger LOG = LoggerFactory.getLogger(RejectCounter.class);

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);

    public void reject(String sensor, String reason, String detail) {
        counts.computeIfAbsent(sensor + "/" + reason, k -> new LongAdder()).increment();
        log.warn(sensor + "/" + reason, "sensor {}: rejected input ({}){}", sensor, reason,
                detail == null ? "" : ": " + detail);
    }

    /** {@code sensor/reason -> count}, sorted; any thread. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
