package org.iotgateway.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotgateway.stream.ChannelCounts;

/** Prints the end-of-replay report for people (stderr): counts, reasons with line numbers, speed. */
final class ReplaySummary {
    /** Channels listed one by one, at most: a config can have thousands. */
    private static final int MAX_CHANNEL_LINES = 20;

    private ReplaySummary() {
    }

    static void print(ReplayResult r, PrintStream err) {
        err.printf(Locale.ROOT, "replay: %d rows read, %d accepted, %d rejected%n",
                r.rowsRead(), r.accepted(), r.rowsRejected());
        for (RejectReason reason : RejectReason.values()) {
            long n = r.rejected(reason);
            if (n > 0) {
                String lines = r.firstRejectedLines().get(reason).stream().map(String::valueOf)
                        .collect(Collectors.joining(", "));
                err.printf(Locale.ROOT, "replay:   %s: %d (line%s %s%s)%n", reason.label(), n,
                        n == 1 ? "" : "s", lines, n > RowRejects.KEPT_LINES ? ", ..." : "");
            }
        }
        err.printf(Locale.ROOT, "replay: engine: %d late, %d filtered, %d rejected by filters%n",
                r.late(), r.filtered(), r.rejectedByFilters());
        int listed = 0;
        for (Map.Entry<String, ChannelCounts> e : r.channelCounts().entrySet()) {
            ChannelCounts c = e.getValue();
            if (c.late() + c.filtered() + c.rejected() == 0) {
                continue;
            }
            if (listed++ == MAX_CHANNEL_LINES) {
                err.println("replay:   ... (more channels)");
                break;
            }
            err.printf(Locale.ROOT, "replay:   %s: %d late, %d filtered, %d rejected by filters%n",
                    e.getKey(), c.late(), c.filtered(), c.rejected());
        }
        double seconds = r.elapsedNanos() / 1e9;
        err.printf(Locale.ROOT, "replay: %d aggregates written in %.3f s (%.0f rows/s)%n",
                r.aggregates(), seconds, r.rowsPerSecond());
    }
}
