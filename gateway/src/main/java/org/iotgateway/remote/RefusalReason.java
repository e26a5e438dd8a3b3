package org.iotgateway.remote;

/** Why a pushed config was not applied: the result message's {@code reason} and the status message's counters. */
public enum RefusalReason {
    /** Not an envelope: not JSON, a field missing or of the wrong type, too large. */
    MALFORMED("malformed"),
    /** No signature while {@code require-signature} is true. */
    UNSIGNED("unsigned"),
    /** Signed with a key that is not among {@code trusted-keys}. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not verify with the key it names: altered, or signed over other bytes. */
    BAD_SIGNATURE("bad-signature"),
    /** The target list does not name this gateway (nor {@code *}). */
    OTHER_GATEWAY("other-gateway"),
    /** The version is not above the highest this gateway has taken (replayed, or older). */
    OLD_VERSION("old-version"),
    /** The YAML is not a valid config: the problems are in the result, as {@code remote:vN:LINE:COL: message}. */
    INVALID_CONFIG("invalid-config"),
    /** Valid, but it cannot be applied here (a file it names cannot be read, a driver cannot be created, ...). */
    NOT_APPLICABLE("not-applicable"),
    /** The state directory cannot be written: nothing was changed. */
    CANNOT_STORE("cannot-store");

    private final String wire;

    RefusalReason(String wire) {
        this.wire = wire;
    }

    /** The name in the result and status messages. */
    public String wire() {
        return wire;
    }
}
