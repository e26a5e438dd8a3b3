package org.iotgateway.mqtt;

/**
 * Why a connection ended: the broker's DISCONNECT reason code with its reason string and server
 * reference (MQTT 5), or only the exception of a dead socket ({@code code} -1).
 *
 * @param code the DISCONNECT reason code, or -1 when the broker sent none
 * @param reasonString the broker's words, or null
 * @param serverReference where the broker says to go instead (0x9C/0x9D), or null
 * @param cause the client library's exception, or null
 */
public record ServerDisconnect(int code, String reasonString, String serverReference, Throwable cause) {
    public static ServerDisconnect dropped(Throwable cause) {
        return new ServerDisconnect(-1, null, null, cause);
    }

    /** One line for the log: the code with its name and the broker's words, or the exception. */
    public String describe() {
        if (code < 0) {
            return cause == null ? "connection closed" : ConnectionLog.describeCause(cause);
        }
        return ReasonCode.describe(code) + (reasonString == null ? "" : " (\"" + reasonString + "\")")
                + (serverReference == null ? "" : ", server reference " + serverReference);
    }
}
