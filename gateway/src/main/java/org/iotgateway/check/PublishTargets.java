package org.iotgateway.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.app.ChannelTable;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.homeassistant.Discovery;
import org.iotgateway.mqtt.GatewayIdentity;
import org.iotgateway.mqtt.RetainedMessage;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.TopicTemplate;

/**
 * Every topic a config will publish to, with what goes there: each channel's aggregates, the
 * retained status, and the Home Assistant discovery configs. Pure; built from the config alone.
 *
 * @param topic where the gateway publishes
 * @param kind "aggregates", "status" or "discovery"
 * @param largestPayload the largest payload the gateway can send there, in bytes (for the broker's
 *                       Maximum Packet Size); the status message grows with the sensors, so its
 *                       figure is an estimate
 * @param retainedPayload for discovery: the config the gateway will publish there, retained (the
 *                        probe), else null
 */
public record PublishTargets(String topic, String kind, int largestPayload, byte[] retainedPayload) {
    /** Status message bytes per sensor and per channel, measured on a running gateway and rounded up. */
    private static final int STATUS_BASE = 2_000;
    private static final int STATUS_PER_SENSOR = 400;

    public static List<PublishTargets> of(GatewayConfig cfg) {
        String gateway = cfg.gateway().id();
        TopicTemplate template = new TopicTemplate(cfg.mqtt().topic());
        List<PublishTargets> out = new ArrayList<>();
        for (ChannelInfo c : ChannelTable.of(cfg).channels()) {
            out.add(new PublishTargets(template.topic(gateway, c.sensor(), c.channel()), "aggregates",
                    largestAggregate(gateway, c), null));
        }
        out.add(new PublishTargets(template.statusTopic(gateway), "status",
                STATUS_BASE + STATUS_PER_SENSOR * cfg.sensors().size(), null));
        for (RetainedMessage m : Discovery.messages(cfg, GatewayIdentity.of(gateway, null))) {
            if (m.payload().length > 0) {
                out.add(new PublishTargets(m.topic(), "discovery", m.payload().length, m.payload()));
            }
        }
        return out;
    }

    /** An aggregate with the longest numbers JSON can hold: no real one is larger. */
    private static int largestAggregate(String gateway, ChannelInfo c) {
        double v = -Double.MIN_NORMAL * 1.2345678901234567;
        long t = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z
        Aggregate a = new Aggregate(c, t, t, Long.MAX_VALUE, v, v, v, v, v, new Aggregate.Spread(v, v, v, v, v, v, v),
                true);
        return AggregatePayload.render(Long.MAX_VALUE, gateway, Long.MAX_VALUE, a).getBytes(StandardCharsets.UTF_8)
                .length;
    }
}
