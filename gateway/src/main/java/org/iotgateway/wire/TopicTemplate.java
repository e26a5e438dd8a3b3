package org.iotgateway.wire;

/**
 * The MQTT topic template, e.g. {@code sensors/{gateway}/{sensor}/{channel}}. Filled once per
 * channel at start-up, not per message.
 */
public record TopicTemplate(String template) {
    public static final String DEFAULT = "sensors/{gateway}/{sensor}/{channel}";

    public String topic(String gateway, String sensor, String channel) {
        return template.replace("{gateway}", gateway).replace("{sensor}", sensor).replace("{channel}", channel);
    }

    /** The retained status topic of a gateway: {@code sensors/{gateway}/status} under the default template. */
    public String statusTopic(String gateway) {
        return besideStatus(gateway, "status");
    }

    /** {@code name} where the status topic has {@code status}: {@code sensors/{gateway}/config/set} under the default template. */
    public String besideStatus(String gateway, String name) {
        String t = template.replace("{gateway}", gateway);
        int cut = t.indexOf("{sensor}");
        String prefix = cut < 0 ? t + "/" : t.substring(0, cut);
        return prefix + name;
    }
}
