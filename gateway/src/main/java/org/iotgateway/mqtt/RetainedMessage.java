package org.iotgateway.mqtt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A retained message sent after every connect (e.g. a Home Assistant discovery config), QoS 1.
 *
 * @param topic where it goes
 * @param payload UTF-8 bytes, not modified after construction
 */
public record RetainedMessage(String topic, byte[] payload) {
    /**
     * What to send when {@code next} replaces {@code previous}: an empty retained message for each
     * topic that is gone (it deletes the broker's retained copy, and a Home Assistant discovery
     * config's entity), then {@code next}.
     */
    public static List<RetainedMessage> replacing(List<RetainedMessage> previous, List<RetainedMessage> next) {
        Set<String> kept = new HashSet<>();
        next.forEach(m -> kept.add(m.topic()));
        List<RetainedMessage> out = new ArrayList<>();
        previous.stream().filter(m -> !kept.contains(m.topic())).map(m -> new RetainedMessage(m.topic(), new byte[0]))
                .forEach(out::add);
        out.addAll(next);
        return out;
    }
}
