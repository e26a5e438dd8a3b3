package org.iotgateway.outbox;

/**
 * Why the outbox let an aggregate go without delivering it; {@link #wire} is its name in the status
 * message. {@link #POWER_CUT} and {@link #CRASH} are found at the start after an unclean stop: the
 * seqs skipped so that none the last run may have published is reused (their count is an upper
 * bound, see {@link SeqReservation}).
 */
public enum LossReason {
    EVICTED_SIZE("evicted-size"),
    EVICTED_AGE("evicted-age"),
    REJECTED("rejected"),
    DROPPED_QUEUE_FULL("dropped-queue-full"),
    /** Found at the start after an unclean stop, the OS rebooted since: see the class comment. */
    POWER_CUT("power-cut"),
    /** Found at the start after an unclean stop in the same OS boot: see the class comment. */
    CRASH("crash"),
    /** Dead-lettered: the connection dropped {@code mqtt.dead-letter-after} times while it was the oldest owed. */
    DISCONNECTED_REPEATEDLY("disconnected-repeatedly"),
    /** Dead-lettered: larger than the broker's Maximum Packet Size, or the broker disconnected with 0x95. */
    PACKET_TOO_LARGE("packet-too-large"),
    /** Dead-lettered after a PUBACK refusal; the wire names are the reason codes' (org.iotgateway.mqtt.ReasonCode). */
    REFUSED_NOT_AUTHORIZED("not-authorized"),
    REFUSED_TOPIC_NAME_INVALID("topic-name-invalid"),
    REFUSED_PAYLOAD_FORMAT_INVALID("payload-format-invalid"),
    REFUSED_QUOTA_EXCEEDED("quota-exceeded"),
    REFUSED_UNSPECIFIED("unspecified"),
    REFUSED_IMPLEMENTATION_SPECIFIC("implementation-specific"),
    REFUSED_PACKET_IDENTIFIER_IN_USE("packet-identifier-in-use");

    private final String wire;

    LossReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
