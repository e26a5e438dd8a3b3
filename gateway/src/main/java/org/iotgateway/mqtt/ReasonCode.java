package org.iotgateway.mqtt;

import java.util.Locale;
import org.iotgateway.outbox.LossReason;

/**
 * The PUBACK reason codes >= 0x80 (MQTT 5.0, 3.4.2.1), what each means for the outbox, and the
 * names the status message, {@code /metrics} and the loss ledger use for them.
 * <p>
 * Permanent: sending the same message again cannot succeed until someone changes the broker's
 * ACL or policy, so the aggregate is dead-lettered at once and the queue behind it moves on.
 * Transient: the broker may take it later (a quota refills; an "unspecified" or
 * implementation-specific refusal may be a passing overload, though mosquitto's
 * {@code message_size_limit} also answers 0x83), so the queue is held and the message retried with
 * back-off, and dead-lettered after {@code mqtt.dead-letter-after} refusals.
 * Packet identifier in use (0x91) means the broker still holds a flow with that id: resending gets
 * a fresh id, so it is transient too.
 */
public enum ReasonCode {
    UNSPECIFIED(0x80, "unspecified", false, LossReason.REFUSED_UNSPECIFIED),
    IMPLEMENTATION_SPECIFIC(0x83, "implementation-specific", false, LossReason.REFUSED_IMPLEMENTATION_SPECIFIC),
    NOT_AUTHORIZED(0x87, "not-authorized", true, LossReason.REFUSED_NOT_AUTHORIZED),
    TOPIC_NAME_INVALID(0x90, "topic-name-invalid", true, LossReason.REFUSED_TOPIC_NAME_INVALID),
    PACKET_IDENTIFIER_IN_USE(0x91, "packet-identifier-in-use", false, LossReason.REFUSED_PACKET_IDENTIFIER_IN_USE),
    QUOTA_EXCEEDED(0x97, "quota-exceeded", false, LossReason.REFUSED_QUOTA_EXCEEDED),
    PAYLOAD_FORMAT_INVALID(0x99, "payload-format-invalid", true, LossReason.REFUSED_PAYLOAD_FORMAT_INVALID),
    /** Any other code >= 0x80 (not valid in a PUBACK): treated like {@link #UNSPECIFIED}, named by its number. */
    OTHER(-1, "other", false, LossReason.REFUSED_UNSPECIFIED);

    private final int code;
    private final String wire;
    private final boolean permanent;
    private final LossReason loss;

    ReasonCode(int code, String wire, boolean permanent, LossReason loss) {
        this.code = code;
        this.wire = wire;
        this.permanent = permanent;
        this.loss = loss;
    }

    public static ReasonCode ofPuback(int code) {
        for (ReasonCode r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return OTHER;
    }

    /** Its name in the status message, /metrics and the log. */
    public String wire() {
        return wire;
    }

    /** True: dead-letter at once. False: hold the queue, retry with back-off. */
    public boolean permanent() {
        return permanent;
    }

    /** The loss ledger's reason for a message dead-lettered after this refusal. */
    public LossReason loss() {
        return loss;
    }

    /** "0x87 not authorized" for any reason code (PUBACK, CONNACK or DISCONNECT). */
    public static String describe(int code) {
        return String.format(Locale.ROOT, "0x%02X %s", code, name(code));
    }

    private static String name(int code) {
        return switch (code) {
            case 0x00 -> "normal disconnection";
            case 0x04 -> "disconnect with will message";
            case 0x80 -> "unspecified error";
            case 0x81 -> "malformed packet";
            case 0x82 -> "protocol error";
            case 0x83 -> "implementation specific error";
            case 0x84 -> "unsupported protocol version";
            case 0x85 -> "client identifier not valid";
            case 0x86 -> "bad user name or password";
            case 0x87 -> "not authorized";
            case 0x88 -> "server unavailable";
            case 0x89 -> "server busy";
            case 0x8A -> "banned";
            case 0x8B -> "server shutting down";
            case 0x8C -> "bad authentication method";
            case 0x8D -> "keep alive timeout";
            case 0x8E -> "session taken over";
            case 0x90 -> "topic name invalid";
            case 0x91 -> "packet identifier in use";
            case 0x93 -> "receive maximum exceeded";
            case 0x94 -> "topic alias invalid";
            case 0x95 -> "packet too large";
            case 0x96 -> "message rate too high";
            case 0x97 -> "quota exceeded";
            case 0x98 -> "administrative action";
            case 0x99 -> "payload format invalid";
            case 0x9A -> "retain not supported";
            case 0x9B -> "QoS not supported";
            case 0x9C -> "use another server";
            case 0x9D -> "server moved";
            case 0x9E -> "shared subscriptions not supported";
            case 0x9F -> "connection rate exceeded";
            case 0xA0 -> "maximum connect time";
            default -> "reason code " + code;
        };
    }
}
