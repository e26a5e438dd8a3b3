package org.iotgateway.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.ConfigPositions;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.Problem;
import org.iotgateway.config.SensorConfig;
import org.iotgateway.wire.TopicTemplate;

/**
 * Two channels whose filled-in topics are the same (a template such as {@code {sensor}{channel}}
 * makes {@code ab}+{@code c} and {@code a}+{@code bc} meet), or a channel on the gateway's status
 * topic: subscribers cannot tell the streams apart, and a retained status would be overwritten.
 * Duplicate ids are errors already (DuplicateIds); this catches what the template itself merges.
 */
final class SharedTopics implements ConfigCheck {
    @Override
    public void check(ConfigLoader.Loaded loaded, List<Problem> out) {
        GatewayConfig cfg = loaded.config();
        TopicTemplate template = new TopicTemplate(cfg.mqtt().topic());
        String gateway = cfg.gateway().id();
        Map<String, String> firstUser = new HashMap<>();
        firstUser.put(template.statusTopic(gateway), "the gateway's status");
        List<SensorConfig> sensors = cfg.sensors();
        for (int i = 0; i < sensors.size(); i++) {
            SensorConfig s = sensors.get(i);
            for (int j = 0; j < s.channels().size(); j++) {
                String channel = s.id() + "/" + s.channels().get(j).id();
                String at = ConfigPositions.channel(i, j) + "/id";
                String topic = template.topic(gateway, s.id(), s.channels().get(j).id());
                String first = firstUser.putIfAbsent(topic, "channel " + channel + " (line "
                        + loaded.positions().line(at) + ")");
                if (first != null) {
                    out.add(loaded.positions().at(at, "channel " + channel + " publishes to topic '" + topic
                            + "', as does " + first + ": subscribers cannot tell them apart; separate {sensor} and "
                            + "{channel} with '/' in mqtt.topic"));
                }
            }
        }
    }
}
