package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;

/** The retained status topic's payloads: the LWT / clean shutdown "offline" (the online one is StatusReporter's). */
final class StatusMessages {
    static final byte[] OFFLINE = "{\"state\":\"offline\"}".getBytes(StandardCharsets.UTF_8);

    private StatusMessages() {
    }
}
