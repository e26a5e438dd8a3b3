package org.iotgateway.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.iotgateway.wire.AggregatePayload;

/**
 * The answer to a pushed config, on the result topic (QoS 1, not retained), one JSON object:
 * {@code gateway}, {@code version} (null when the envelope could not be read), {@code status}
 * ({@code accepted}, {@code applied}, {@code refused}, {@code rolled-back}), {@code reason} (a
 * {@link RefusalReason} for {@code refused}, else null), {@code detail} (a sentence), {@code problems}
 * ({@code remote:vN:LINE:COL: message} for an invalid config), {@code restart} (an accepted config
 * applied by a restart), and the config running now: {@code running-version} (0: the local file) and
 * {@code config} (its hash, as in the status message). Pure.
 */
final class ResultMessage {
    static final String ACCEPTED = "accepted";
    static final String APPLIED = "applied";
    static final String REFUSED = "refused";
    static final String ROLLED_BACK = "rolled-back";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultMessage() {
    }

    /**
     * @param version the pushed version, or null if unknown
     * @param reason why it was refused, or null
     */
    static byte[] json(String gateway, Long version, String status, RefusalReason reason, String detail,
                       List<String> problems, boolean restart, InForce running) {
        ObjectNode o = JSON.createObjectNode().put("gateway", gateway).put("version", version).put("status", status)
                .put("reason", reason == null ? null : reason.wire()).put("detail", detail);
        problems.forEach(o.putArray("problems")::add);
        o.put("restart", restart).put("running-version", running.version()).put("config", running.hash())
                .put("at", AggregatePayload.iso(Instant.now().toEpochMilli()));
        try {
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
