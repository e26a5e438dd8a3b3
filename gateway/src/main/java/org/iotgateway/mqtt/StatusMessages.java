package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The retained status topic's payloads: birth on connect, LWT / clean shutdown "offline". */
final class StatusMessages {
    static final byte[] OFFLINE = "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8);

    private StatusMessages() {
    }

    static byte[] online(String gatewayId, Instant since) {
        // gatewayId is a validated config id (no quotes or control characters), so no escaping is needed.
        return ("{\"state\":\"online\",\"gateway\":\"" + gatewayId + "\",\"since\":\"" + since + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
