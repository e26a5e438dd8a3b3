package org.iotgateway.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.ConfigChanges;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.SensorConfig;

/**
 * What a reload can apply live, from the running config and the new one. Pure functions of the
 * two configs; any thread.
 *
 * <ul>
 * <li>A sensor whose whole config is equal keeps its driver running.</li>
 * <li>A channel whose sensor has the same driver and params and whose own config is equal keeps
 *     its open windows, filter state and counters (even if its sensor's driver is restarted
 *     because a sibling channel or {@code stale-after} changed).</li>
 * <li>{@code gateway.*} and {@code outbox.*} need a restart: the id is in every seq's identity and
 *     payload, and the outbox is the one file that must never be reopened under the running stream.</li>
 * </ul>
 */
final class ConfigDiff {
    private ConfigDiff() {
    }

    /** Why {@code next} cannot be applied live, one entry per changed key; empty when it can. */
    static List<String> needsRestart(GatewayConfig running, GatewayConfig next) {
        List<String> out = new ArrayList<>(ConfigChanges.changedKeys("gateway", running.gateway(), next.gateway()));
        out.addAll(ConfigChanges.changedKeys("outbox", running.outbox(), next.outbox()));
        return out;
    }

    /** For each channel id of {@code runningTable}, its id in {@code nextTable} if its windows are kept, else -1. */
    static int[] keptChannels(GatewayConfig running, ChannelTable runningTable, GatewayConfig next, ChannelTable nextTable) {
        int[] newIdOf = new int[runningTable.size()];
        java.util.Arrays.fill(newIdOf, -1);
        for (SensorConfig s : running.sensors()) {
            SensorConfig n = sensor(next, s.id());
            if (n == null || !n.driver().equals(s.driver()) || !Objects.equals(n.params(), s.params())) {
                continue;
            }
            for (ChannelConfig c : s.channels()) {
                if (n.channels().contains(c)) {
                    newIdOf[runningTable.idOf(s.id(), c.id())] = nextTable.idOf(s.id(), c.id());
                }
            }
        }
        return newIdOf;
    }

    static SensorConfig sensor(GatewayConfig config, String id) {
        return config.sensors().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
