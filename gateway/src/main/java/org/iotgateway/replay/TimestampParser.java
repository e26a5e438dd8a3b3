package org.iotgateway.replay;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Parses a CSV timestamp from bytes into epoch milliseconds: either epoch millis ({@code 1795496400000},
 * optionally negative) or ISO-8601 UTC ({@code 2026-11-24T05:00:00Z}, {@code 2026-11-24T05:00:00.000Z}).
 *
 * <p>Epoch millis are parsed digit by digit; the common ISO shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}
 * is parsed by hand (fractions beyond milliseconds are truncated, as {@link Instant#toEpochMilli} does);
 * other ISO forms (an offset such as {@code +01:00}) go through {@link Instant#parse}, which allocates
 * but is correct. Epoch values are limited to 15 digits so window arithmetic cannot overflow. Stateless.
 */
public final class TimestampParser {
    /** Returned for text that is not a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int MAX_EPOCH_DIGITS = 15;

    private TimestampParser() {
    }

    public static long parse(byte[] b, int from, int to) {
        int p = from;
        boolean negative = p < to && b[p] == '-';
        if (negative) {
            p++;
        }
        long v = 0;
        int start = p;
        for (; p < to; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
        }
        int digits = p - start;
        if (p == to) {
            return digits == 0 || digits > MAX_EPOCH_DIGITS ? INVALID : negative ? -v : v;
        }
        return negative ? INVALID : parseIso(b, from, to);
    }

    private static long parseIso(byte[] b, int from, int to) {
        int len = to - from;
        if (len >= 20 && b[from + 4] == '-' && b[from + 7] == '-' && b[from + 10] == 'T'
                && b[from + 13] == ':' && b[from + 16] == ':' && b[to - 1] == 'Z') {
            long fast = parseUtc(b, from, to);
            if (fast != INVALID) {
                return fast;
            }
        }
        try {
            return Instant.parse(new String(b, from, len, StandardCharsets.US_ASCII)).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return INVALID;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; INVALID if anything is off (the caller then asks java.time). */
    private static long parseUtc(byte[] b, int from, int to) {
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int millis = 0;
        int p = from + 19;
        int end = to - 1; // the 'Z'
        if (p < end) {
            int fraction = end - p - 1;
            if (b[p] != '.' || fraction < 1 || fraction > 9) {
                return INVALID;
            }
            int f = digits(b, p + 1, Math.min(3, fraction));
            if (f < 0 || (fraction > 3 && digits(b, p + 4, fraction - 3) < 0)) {
                return INVALID;
            }
            for (int i = fraction; i < 3; i++) {
                f *= 10;
            }
            millis = f;
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    /** The value of {@code n} ASCII digits, or -1. */
    private static int digits(byte[] b, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
