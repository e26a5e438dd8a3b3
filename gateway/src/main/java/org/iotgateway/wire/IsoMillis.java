package org.iotgateway.wire;

/**
 * Writes epoch milliseconds as ISO-8601 UTC with milliseconds, {@code 2026-11-24T05:00:00.000Z}: the
 * text {@code DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")} gives, for every long,
 * years beyond 9999 with a {@code +} and before year 0 with a {@code -}. By hand because every
 * aggregate has two: through java.time each cost a few microseconds (and BigDecimal arithmetic for
 * the fraction), a sizeable part of a replay's output. Stateless.
 */
final class IsoMillis {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoMillis() {
    }

    static void append(StringBuilder b, long epochMillis) {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // Civil date from days since 1970-01-01, proleptic Gregorian (H. Hinnant's algorithm).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153; // month counted from March
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        year(b, year);
        digits(b.append('-'), month, 2);
        digits(b.append('-'), day, 2);
        digits(b.append('T'), millisOfDay / 3_600_000, 2);
        digits(b.append(':'), millisOfDay / 60_000 % 60, 2);
        digits(b.append(':'), millisOfDay / 1000 % 60, 2);
        digits(b.append('.'), millisOfDay % 1000, 3);
        b.append('Z');
    }

    /** As 'uuuu' prints it: at least four digits, a sign only when negative or past four digits. */
    private static void year(StringBuilder b, long year) {
        if (year > 9999) {
            b.append('+').append(year);
        } else if (year >= 0) {
            digits(b, (int) year, 4);
        } else if (year > -10_000) {
            digits(b.append('-'), (int) -year, 4);
        } else {
            b.append(year);
        }
    }

    /** {@code value} zero-padded to {@code width} digits; {@code 0 <= value < 10^width}. */
    private static void digits(StringBuilder b, int value, int width) {
        for (int div = width == 4 ? 1000 : width == 3 ? 100 : 10; div > 0; div /= 10) {
            b.append((char) ('0' + value / div % 10));
        }
    }
}
