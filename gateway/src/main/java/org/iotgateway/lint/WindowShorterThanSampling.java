package org.iotgateway.lint;

import java.util.List;
import java.util.Optional;
import org.iotgateway.config.ChannelConfig;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.ConfigPositions;
import org.iotgateway.config.Durations;
import org.iotgateway.config.Problem;
import org.iotgateway.config.SensorConfig;

/**
 * A window shorter than the time between two readings: most windows get no reading, so they are
 * skipped (a subscriber sees gaps that look like loss) or emitted with count 0.
 */
final class WindowShorterThanSampling implements ConfigCheck {
    @Override
    public void check(ConfigLoader.Loaded loaded, List<Problem> out) {
        List<SensorConfig> sensors = loaded.config().sensors();
        for (int i = 0; i < sensors.size(); i++) {
            SensorConfig s = sensors.get(i);
            for (int j = 0; j < s.channels().size(); j++) {
                ChannelConfig c = s.channels().get(j);
                Optional<SampleInterval> si = SampleInterval.of(s, c);
                // window: none (zero) forwards every reading, so it cannot be too short
                if (!c.window().isZero() && si.isPresent() && c.window().compareTo(si.get().interval()) < 0) {
                    out.add(loaded.positions().at(ConfigPositions.channel(i, j) + "/window", message(s, c, si.get())));
                }
            }
        }
    }

    private static String message(SensorConfig s, ChannelConfig c, SampleInterval si) {
        String interval = Durations.format(si.interval());
        String fate = c.emptyWindows() == ChannelConfig.EmptyWindows.EMIT ? "are emitted with count 0" : "are skipped";
        return "window " + Durations.format(c.window()) + " of " + s.id() + "/" + c.id() + " is shorter than its "
                + "sample interval " + interval + " (" + si.source() + "): most windows get no reading and " + fate
                + "; make the window at least " + interval;
    }
}
