package org.iotgateway.driver.host;

/**
 * What was found about one device a sensor needs: a line of {@code iot-gateway check}, or, for a
 * device that does not open, the status detail and log line of the running sensor.
 *
 * @param outcome how it came out
 * @param subject the device as the user knows it ({@code /dev/gpiochip0}, {@code GPIO 17})
 * @param detail what was found, one line
 * @param fix what to do, one line; null when nothing
 */
public record DeviceFinding(Outcome outcome, String subject, String detail, String fix) {
    /** {@link #FAIL}: the sensor will not read; {@link #WARN}: it may, but something is off; {@link #SKIP}: not checked. */
    public enum Outcome { OK, WARN, FAIL, SKIP }

    public static DeviceFinding ok(String subject, String detail) {
        return new DeviceFinding(Outcome.OK, subject, detail, null);
    }

    public static DeviceFinding warn(String subject, String detail, String fix) {
        return new DeviceFinding(Outcome.WARN, subject, detail, fix);
    }

    public static DeviceFinding fail(String subject, String detail, String fix) {
        return new DeviceFinding(Outcome.FAIL, subject, detail, fix);
    }

    public static DeviceFinding skip(String subject, String why) {
        return new DeviceFinding(Outcome.SKIP, subject, why, null);
    }

    /** One line for a status detail or a log: {@code subject: detail; fix: fix}. */
    public String line() {
        return subject + ": " + detail + (fix == null ? "" : "; fix: " + fix);
    }
}
