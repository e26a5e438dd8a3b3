package org.iotgateway.driver.onewire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the kernel's {@code w1_slave} text of a DS18B20:
 * <pre>
 * 72 01 4b 46 7f ff 0e 10 57 : crc=57 YES
 * 72 01 4b 46 7f ff 0e 10 57 t=23125
 * </pre>
 * A CRC line ending in {@code NO} is a corrupted transfer ({@code crc}); 85000 (85 °C) is the
 * power-on reset value a browned-out sensor answers with ({@code power-on-reset}).
 */
final class W1Slave {
    static final int POWER_ON_RESET = 85_000;
    private static final Pattern TEMPERATURE = Pattern.compile("t=(-?\\d{1,6})\\s*$");

    /** A reading that must not be used; {@code reason} is the reject reason. */
    static final class Bad extends Exception {
        final String reason;

        Bad(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private W1Slave() {
    }

    /** Degrees Celsius. */
    static double celsius(String text) throws Bad {
        String[] lines = text.strip().split("\n");
        if (lines.length < 2) {
            throw new Bad("unparseable", "w1_slave has " + lines.length + " line(s), expected 2");
        }
        String crc = lines[0].strip();
        if (crc.endsWith("NO")) {
            throw new Bad("crc", "CRC check failed: " + crc);
        }
        if (!crc.endsWith("YES")) {
            throw new Bad("unparseable", "no CRC verdict: " + crc);
        }
        Matcher m = TEMPERATURE.matcher(lines[1]);
        if (!m.find()) {
            throw new Bad("unparseable", "no t= value: " + lines[1].strip());
        }
        int milli = Integer.parseInt(m.group(1));
        if (milli == POWER_ON_RESET) {
            throw new Bad("power-on-reset", "85000 is the power-on value: the sensor reset (power or wiring)");
        }
        return milli / 1000.0;
    }
}
