package org.iotgateway.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.iotgateway.driver.SharedLinkParams;

/**
 * Sensors naming one link (a serial port, a Modbus TCP host): refused when a driver on it cannot
 * share it (two serial readers would each get half the bytes), or when they disagree on how to
 * drive it (two baud rates on one RS-485 bus). Works on the bound config; reports at the second
 * sensor's key with the line of the first. Used only by the loading thread.
 */
final class SharedLinks {
    private SharedLinks() {
    }

    static void check(GatewayConfig config, Problems problems) {
        List<SensorConfig> sensors = config.sensors();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < sensors.size(); i++) {
            if (!(sensors.get(i).params() instanceof SharedLinkParams p)) {
                continue;
            }
            Integer j = first.putIfAbsent(p.link(), i);
            if (j != null) {
                compare(sensors.get(i), i, sensors.get(j), j, problems);
            }
        }
    }

    private static void compare(SensorConfig s, int i, SensorConfig other, int j, Problems problems) {
        SharedLinkParams p = (SharedLinkParams) s.params();
        SharedLinkParams o = (SharedLinkParams) other.params();
        String at = Paths.child(Paths.child(Paths.child("/sensors", i), "params"), p.linkKey());
        int line = problems.locations().valueOf(Paths.child(Paths.child(Paths.child("/sensors", j), "params"),
                o.linkKey())).line();
        String both = "sensor '" + s.id() + "' uses " + p.link() + ", as does sensor '" + other.id() + "' (line "
                + line + ")";
        if (!p.shareable() || !o.shareable()) {
            String alone = !o.shareable() ? other.driver() : s.driver();
            problems.atValue(at, both + "; a " + alone + " sensor needs its port to itself");
            return;
        }
        for (Map.Entry<String, Object> e : p.linkSettings().entrySet()) {
            Object theirs = o.linkSettings().get(e.getKey());
            if (!Objects.equals(e.getValue(), theirs)) {
                String key = Paths.child(Paths.child(Paths.child("/sensors", i), "params"), e.getKey());
                problems.atValue(problems.locations().has(key) ? key : at, both + ", but with " + e.getKey() + " "
                        + shown(e.getValue()) + " where '" + other.id() + "' has " + shown(theirs)
                        + "; sensors on one link must agree on " + String.join(", ", p.linkSettings().keySet()));
            }
        }
    }

    private static String shown(Object v) {
        if (v instanceof Duration d) {
            return Durations.format(d);
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }
}
