package org.iotgateway.lint;

import java.util.List;
import java.util.Locale;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.FullPolicy;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.Problem;

/**
 * An outbox too small for one hour of aggregates at the configured rates: a broker outage longer
 * than what it holds loses the oldest (drop-oldest) or the newest (reject-new) aggregates.
 */
final class OutboxUnderAnHour implements ConfigCheck {
    private static final double MB = 1_000_000;

    @Override
    public void check(ConfigLoader.Loaded loaded, List<Problem> out) {
        GatewayConfig cfg = loaded.config();
        OutboxLoad load = OutboxLoad.of(cfg);
        load.hoursHeld(cfg).filter(h -> h < 1).ifPresent(hours -> out.add(loaded.positions().at("/outbox/max-bytes",
                message(cfg, load, hours))));
    }

    private static String message(GatewayConfig cfg, OutboxLoad load, double hours) {
        String loses = cfg.outbox().fullPolicy() == FullPolicy.DROP_OLDEST
                ? "evicts the oldest aggregates (drop-oldest)" : "rejects new aggregates (reject-new)";
        String unknown = load.unknownRate() == 0 ? ""
                : "; not counting " + load.unknownRate() + " channel(s) whose rate the device sets";
        long neededMb = (long) Math.ceil(2 * load.bytesPerHour() / MB);
        return String.format(Locale.ROOT, "the outbox holds about %s of aggregates at the configured rates "
                        + "(about %.0f aggregates/h of %.0f bytes each; stored aggregates get half of max-bytes %s%s): "
                        + "a longer broker outage %s; for one hour set max-bytes to at least %dMB",
                OutboxLoad.formatHours(hours), load.aggregatesPerHour(), load.bytesPerHour() / load.aggregatesPerHour(),
                formatBytes(cfg.outbox().maxBytes().bytes()), unknown, loses, neededMb);
    }

    private static String formatBytes(long bytes) {
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + "MB" : bytes + " bytes";
    }
}
