package org.iotgateway.driver.serial.parser;

/**
 * NMEA 0183 from a GNSS receiver: GGA gives {@code latitude}, {@code longitude} (decimal degrees,
 * south and west negative), {@code altitude} (m above mean sea level), {@code fix-quality} and
 * {@code satellites}; RMC gives {@code speed} (m/s) and {@code course} (degrees). Any talker id
 * ({@code GP}, {@code GN}, {@code GL}, {@code GA}, {@code BD}). While there is no fix, the
 * receiver leaves position fields empty: only {@code fix-quality} (0) and {@code satellites} are
 * emitted then. The checksum is required and verified ({@code checksum}); other sentence types
 * (GSV, GSA, VTG, ...) are skipped.
 */
public final class NmeaParser extends TextParser {
    private static final double KNOTS_TO_MPS = 1852.0 / 3600.0;

    @Override
    void parseLine(String line, FieldSink out) throws BadInput {
        String body = checkedBody(line.trim());
        String[] f = body.split(",", -1);
        if (f[0].length() != 5) {
            throw new BadInput("unparseable", "not an NMEA sentence address: '" + Numbers.shorten(f[0]) + "'");
        }
        switch (f[0].substring(2)) {
            case "GGA" -> gga(f, out);
            case "RMC" -> rmc(f, out);
            default -> { } // GSV, GSA, VTG, GLL, TXT...: not read
        }
    }

    /** The text between '$' and '*', after checking the XOR checksum. */
    static String checkedBody(String s) throws BadInput {
        int star = s.lastIndexOf('*');
        if (s.isEmpty() || s.charAt(0) != '$' || star < 0) {
            throw new BadInput("unparseable", "not an NMEA sentence: '" + Numbers.shorten(s) + "'");
        }
        if (star != s.length() - 3) {
            throw new BadInput("checksum", "checksum must be two hex digits: '" + Numbers.shorten(s) + "'");
        }
        int expected;
        try {
            expected = Integer.parseInt(s.substring(star + 1), 16);
        } catch (NumberFormatException e) {
            throw new BadInput("checksum", "checksum is not hex: '" + Numbers.shorten(s) + "'");
        }
        int sum = 0;
        for (int i = 1; i < star; i++) {
            sum ^= s.charAt(i);
        }
        if (sum != expected) {
            throw new BadInput("checksum", String.format("checksum %02X, computed %02X: '%s'", expected, sum,
                    Numbers.shorten(s)));
        }
        return s.substring(1, star);
    }

    private static void gga(String[] f, FieldSink out) throws BadInput {
        need(f, 15, "GGA");
        double quality = f[6].isEmpty() ? 0 : Numbers.parse(f[6], "GGA fix quality");
        double satellites = f[7].isEmpty() ? Double.NaN : Numbers.parse(f[7], "GGA satellites");
        double lat = Double.NaN;
        double lon = Double.NaN;
        double alt = Double.NaN;
        if (quality > 0 && !f[2].isEmpty() && !f[4].isEmpty()) {
            lat = degrees(f[2], f[3], 'N', 'S', 2);
            lon = degrees(f[4], f[5], 'E', 'W', 3);
            alt = f[9].isEmpty() ? Double.NaN : Numbers.parse(f[9], "GGA altitude");
        }
        emit(out, "latitude", lat);
        emit(out, "longitude", lon);
        emit(out, "altitude", alt);
        out.field("fix-quality", quality);
        emit(out, "satellites", satellites);
    }

    private static void rmc(String[] f, FieldSink out) throws BadInput {
        need(f, 12, "RMC");
        if (!"A".equals(f[2])) {
            return; // V: void, no fix; its fields are stale or empty
        }
        double speed = f[7].isEmpty() ? Double.NaN : Numbers.parse(f[7], "RMC speed") * KNOTS_TO_MPS;
        double course = f[8].isEmpty() ? Double.NaN : Numbers.parse(f[8], "RMC course");
        emit(out, "speed", speed);
        emit(out, "course", course);
    }

    private static void need(String[] f, int fields, String type) throws BadInput {
        if (f.length < fields) {
            throw new BadInput("field-count", type + " has " + f.length + " fields, needs " + fields);
        }
    }

    /** {@code 4807.038,N} → 48.1173: degrees then minutes, {@code degreeDigits} wide. */
    static double degrees(String value, String hemisphere, char positive, char negative, int degreeDigits)
            throws BadInput {
        int dot = value.indexOf('.');
        int minutesStart = (dot < 0 ? value.length() : dot) - 2;
        if (minutesStart != degreeDigits) {
            throw new BadInput("unparseable", "bad coordinate '" + Numbers.shorten(value) + "'");
        }
        double deg = Numbers.parse(value.substring(0, minutesStart), "coordinate degrees");
        double min = Numbers.parse(value.substring(minutesStart), "coordinate minutes");
        if (min >= 60) {
            throw new BadInput("unparseable", "bad coordinate minutes '" + Numbers.shorten(value) + "'");
        }
        double v = deg + min / 60.0;
        if (hemisphere.length() == 1 && hemisphere.charAt(0) == negative) {
            return -v;
        }
        if (hemisphere.length() == 1 && hemisphere.charAt(0) == positive) {
            return v;
        }
        throw new BadInput("unparseable", "bad hemisphere '" + Numbers.shorten(hemisphere) + "'");
    }

    private static void emit(FieldSink out, String name, double v) {
        if (!Double.isNaN(v)) {
            out.field(name, v);
        }
    }
}
