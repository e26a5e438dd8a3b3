package org.iotgateway.check;

import java.nio.charset.StandardCharsets;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.StatusJson;

/**
 * What {@code check} (and the start-up topic check) publishes to an aggregate or status topic to
 * learn whether the broker takes it: QoS 1, not retained, a JSON object whose {@code "probe"} key
 * no aggregate or status message has, so subscribers can recognise and ignore it (it has no
 * {@code seq}, so gap detection is not disturbed). Pure.
 */
public final class ProbePayload {
    public static final String KEY = "probe";

    private ProbePayload() {
    }

    public static byte[] of(String gateway, String nonce) {
        return new StatusJson().field(KEY, "iot-gateway check").field("gateway", gateway).field("nonce", nonce)
                .field("at", AggregatePayload.iso(System.currentTimeMillis())).render().getBytes(StandardCharsets.UTF_8);
    }
}
