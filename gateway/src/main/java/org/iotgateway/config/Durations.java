package org.iotgateway.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in YAML: {@code 500ms}, {@code 10s}, {@code 1m}, {@code 2h}, {@code 7d}. Pure. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final String[] UNITS = {"ms", "s", "m", "h", "d"};
    private static final long[] UNIT_MILLIS = {1, 1_000, 60_000, 3_600_000, 86_400_000};

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 10s, 1m, 2h, 7d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * The inverse of {@link #parse} for whole milliseconds, in the largest unit that divides exactly
     * ({@code 90s}, {@code 2h}); a finer duration (a 3 kHz sample interval) is given in decimal
     * milliseconds, readable but not parseable.
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (!d.equals(Duration.ofMillis(ms))) {
            return BigDecimal.valueOf(d.toNanos(), 6).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "ms";
        }
        for (int i = UNITS.length - 1; i > 0; i--) {
            if (ms != 0 && ms % UNIT_MILLIS[i] == 0) {
                return ms / UNIT_MILLIS[i] + UNITS[i];
            }
        }
        return ms == 0 ? "0s" : ms + "ms";
    }
}
