package org.iotgateway.mqtt;

/**
 * A PUBACK reason code >= 0x80: the broker did not take the message.
 *
 * @param code the reason code
 * @param reasonString the broker's words (MQTT 5 Reason String), or null
 */
public record Refusal(int code, String reasonString) {
    public ReasonCode reason() {
        return ReasonCode.ofPuback(code);
    }
}
