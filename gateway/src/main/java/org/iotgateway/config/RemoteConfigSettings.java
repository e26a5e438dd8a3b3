package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.iotgateway.wire.TopicTemplate;

/**
 * Remote configuration: signed configs pushed over MQTT, validated and applied like a reload, kept
 * in the state directory and rolled back when they break the link (gateway/docs/remote-config.md).
 *
 * @param enabled listen for pushed configs on {@code topic}; while on, a pushed config kept in
 *        {@code state-dir} runs instead of this file (default false)
 * @param topic where configs are pushed, {@code {gateway}} standing for the gateway id; no {@code +} or
 *        {@code #} (default: {@code config/set} beside the status topic, {@code sensors/{gateway}/config/set}
 *        under the default {@code mqtt.topic})
 * @param resultTopic where the outcome of each pushed config is published, not retained; no {@code +} or
 *        {@code #} (default: {@code config/result} beside the status topic)
 * @param trustedKeys Ed25519 public keys (PEM files, {@code iot-gateway config keygen} makes them) whose
 *        signature a pushed config must carry; read at start and by every reload (default: none, which needs
 *        {@code require-signature: false})
 * @param requireSignature refuse unsigned configs; {@code false} lets anyone who may publish to
 *        {@code topic} reconfigure the gateway, and is logged as a warning at every start (default true)
 * @param healthDeadline how long an applied config has to connect to a broker and get a publish
 *        acknowledged before the gateway goes back to the previous one (default 60s; range 5s–1h)
 * @param stateDir directory (writable by the service) where pushed configs are kept
 *        (default {@code /var/lib/iot-gateway})
 */
public record RemoteConfigSettings(Boolean enabled, String topic, String resultTopic, List<Path> trustedKeys,
                                   Boolean requireSignature, Duration healthDeadline, Path stateDir) {
    /** An MQTT topic name without wildcards, empty levels at the ends, or control characters. */
    private static final Pattern TOPIC = Pattern.compile("[^/+#\\p{Cntrl}]+(/[^/+#\\p{Cntrl}]+)*");

    public RemoteConfigSettings {
        enabled = enabled != null && enabled;
        checkTopic(topic, "topic");
        checkTopic(resultTopic, "result-topic");
        check(topic == null || !topic.equals(resultTopic), "result-topic", "'result-topic' must differ from 'topic'");
        trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
        requireSignature = requireSignature == null || requireSignature;
        check(!enabled || !requireSignature || !trustedKeys.isEmpty(), "trusted-keys",
                "'trusted-keys' needs at least one Ed25519 public key (PEM file) while 'require-signature' is true;"
                        + " make a key pair with: iot-gateway config keygen --out NAME");
        healthDeadline = healthDeadline == null ? Duration.ofSeconds(60) : healthDeadline;
        check(healthDeadline.toSeconds() >= 5 && healthDeadline.toSeconds() <= 3600, "health-deadline",
                "'health-deadline' must be between 5s and 1h");
        stateDir = stateDir == null ? Path.of("/var/lib/iot-gateway") : stateDir;
        check(!stateDir.toString().isBlank(), "state-dir", "'state-dir' must be a directory path");
    }

    private static void checkTopic(String topic, String key) {
        check(topic == null || TOPIC.matcher(topic).matches(), key, "'" + key
                + "' must be an MQTT topic without wildcards (+, #), control characters or empty levels, got '"
                + topic + "'");
    }

    public static RemoteConfigSettings defaults() {
        return new RemoteConfigSettings(null, null, null, null, null, null, null);
    }

    /** The topic this gateway listens on, under {@code mqttTopic} (the aggregate topic template). */
    public String topicFor(String mqttTopic, String gatewayId) {
        return topic == null ? new TopicTemplate(mqttTopic).besideStatus(gatewayId, "config/set")
                : topic.replace("{gateway}", gatewayId);
    }

    /** The topic this gateway answers on. */
    public String resultTopicFor(String mqttTopic, String gatewayId) {
        return resultTopic == null ? new TopicTemplate(mqttTopic).besideStatus(gatewayId, "config/result")
                : resultTopic.replace("{gateway}", gatewayId);
    }

    /** True when each gateway has a topic of its own (a message there for another gateway is a mistake worth answering). */
    public boolean perGatewayTopic() {
        return topic == null || topic.contains("{gateway}");
    }
}
