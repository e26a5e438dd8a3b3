package org.iotgateway.driver.serial.parser;

/**
 * A frame that cannot become readings, with a short stable reason ({@code checksum},
 * {@code not-a-number}) for the per-sensor reject counts. Thrown often on a noisy line, so it
 * carries no stack trace.
 */
public final class BadInput extends Exception {
    private final String reason;

    public BadInput(String reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
