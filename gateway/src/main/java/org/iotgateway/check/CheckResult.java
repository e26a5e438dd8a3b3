package org.iotgateway.check;

/**
 * One line of {@code iot-gateway check}: what was checked, how it came out, and, when it did not
 * come out well, what to do about it.
 *
 * @param outcome how it came out
 * @param subject what was checked, as the user knows it ({@code broker tcp://10.0.0.5:1883},
 *                {@code sensor door-1 /dev/gpiochip0}, {@code topic sensors/pi-1/env-1/temperature})
 * @param detail what was found, in one line
 * @param fix what to change, in one line; null when there is nothing to do
 */
public record CheckResult(Outcome outcome, String subject, String detail, String fix) {
    /** {@link #FAIL} makes the command exit 1; the others do not. */
    public enum Outcome { OK, WARN, FAIL, SKIP }

    public static CheckResult ok(String subject, String detail) {
        return new CheckResult(Outcome.OK, subject, detail, null);
    }

    public static CheckResult warn(String subject, String detail, String fix) {
        return new CheckResult(Outcome.WARN, subject, detail, fix);
    }

    public static CheckResult fail(String subject, String detail, String fix) {
        return new CheckResult(Outcome.FAIL, subject, detail, fix);
    }

    /** Not checked, and why (e.g. an earlier check it depends on failed): never counted as a pass. */
    public static CheckResult skip(String subject, String why) {
        return new CheckResult(Outcome.SKIP, subject, why, null);
    }
}
