package org.iotgateway.replay;

/** Why a CSV line after the header did not reach the engine. */
public enum RejectReason {
    /** The sensor is not in the config. */
    UNKNOWN_SENSOR("unknown sensor"),
    /** The sensor is configured, the channel is not. */
    UNKNOWN_CHANNEL("unknown channel"),
    /** Neither epoch millis nor ISO-8601 UTC. */
    BAD_TIMESTAMP("bad timestamp"),
    /** Not a decimal number ({@code NaN}, {@code Infinity} and hex are not accepted). */
    BAD_NUMBER("bad number"),
    /** Not exactly four comma-separated fields. */
    WRONG_FIELD_COUNT("wrong field count"),
    /** An empty line: skipped, but counted so that no line vanishes unaccounted. */
    BLANK_LINE("blank line"),
    /** Longer than the read buffer; cannot be a sane row. */
    LINE_TOO_LONG("line too long");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
