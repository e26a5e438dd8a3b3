package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.wire.TopicTemplate;

/**
 * @param broker {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}; a list is tried in order
 *        (default {@code tcp://localhost:1883})
 * @param clientId MQTT client id (default: {@code iot-gateway-} and the gateway id)
 * @param username use {@code ${VAR}} to keep it out of the file; never shown in errors
 * @param password use {@code ${VAR}} or {@code password-file} to keep it out of the file; never shown in
 *        errors or logs
 * @param passwordFile file holding the password (a systemd credential, a 0600 file), read at start
 * @param tls TLS material as PEM files, for {@code ssl://} brokers: the CA bundle, and the client
 *        certificate and key where the broker asks for one
 * @param qos QoS of aggregates; 1 is what makes the outbox's no-loss guarantee hold (default 1; range 0 or 1)
 * @param topic topic template; must contain {@code {sensor}} and {@code {channel}}, and no {@code +} or
 *        {@code #} (default {@code sensors/{gateway}/{sensor}/{channel}})
 * @param keepAlive MQTT keep-alive interval (default 30s; range 1s–65535s)
 * @param maxInflight QoS 1 messages awaiting PUBACK at once (default 100; range 2–65535)
 * @param maxRate aggregates published per second at most, for brokers that disconnect fast publishers;
 *        0: as fast as the broker acknowledges (default 0; range at least 0)
 * @param deadLetterAfter connections in a row that may drop with the same message as the oldest
 *        unacknowledged one, or transient refusals of one message (MQTT 5: quota exceeded,
 *        unspecified), before it is moved to the dead-letter table (default 5; range 1–1000)
 * @param statusInterval how often the retained status message is refreshed (default 30s; range at least 100ms)
 * @param version MQTT protocol version. Under 5 the broker says when it refuses a message (an ACL, a
 *        quota) and the gateway counts it; under 3.1.1 a broker that drops a publish still acknowledges
 *        it: use 3.1.1 only for brokers that speak nothing newer (RabbitMQ before 3.13, some hosted
 *        brokers) (default 5; range 5 or 3.1.1)
 * @param sessionExpiry MQTT 5: how long the broker keeps the gateway's session after a disconnect; every
 *        connect starts clean, since the outbox, not the broker, holds what is owed (default 0s; range
 *        0s–4294967295s)
 * @param messageExpiry MQTT 5: how long the broker may keep an aggregate queued for an offline
 *        subscriber before discarding it (default: none; range 1s–4294967295s)
 */
public record MqttConfig(List<String> broker, String clientId, String username, String password, Path passwordFile,
                         TlsConfig tls, Integer qos, String topic, Duration keepAlive, Integer maxInflight,
                         Integer maxRate, Integer deadLetterAfter, Duration statusInterval, String version,
                         Duration sessionExpiry, Duration messageExpiry) {
    /** The {@code version} values. */
    public static final String V5 = "5";
    public static final String V311 = "3.1.1";

    public MqttConfig {
        broker = broker == null ? List.of("tcp://localhost:1883") : List.copyOf(broker);
        check(!broker.isEmpty(), "broker", "'broker' needs at least one URI");
        for (String uri : broker) {
            check(uri.matches("(tcp|ssl)://[^\\s/?#]+(:\\d{1,5})?"), "broker",
                    "'broker' must be tcp://HOST:PORT or ssl://HOST:PORT, got '" + uri + "'");
        }
        // "${MQTT_PASSWORD:-}" yields "" when the variable is unset: that means no credentials.
        username = username == null || username.isEmpty() ? null : username;
        password = password == null || password.isEmpty() ? null : password;
        check(password == null || passwordFile == null, "password-file", "give 'password' or 'password-file', not both");
        qos = qos == null ? 1 : qos;
        check(qos == 0 || qos == 1, "qos", "'qos' must be 0 or 1, got " + qos);
        topic = topic == null ? TopicTemplate.DEFAULT : topic;
        check(topic.contains("{sensor}") && topic.contains("{channel}"), "topic",
                "'topic' must contain {sensor} and {channel}, got '" + topic + "'");
        check(!topic.contains("+") && !topic.contains("#"), "topic", "'topic' must not contain MQTT wildcards + or #");
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        check(keepAlive.toSeconds() >= 1 && keepAlive.toSeconds() <= 65535, "keep-alive",
                "'keep-alive' must be between 1s and 65535s");
        maxInflight = maxInflight == null ? 100 : maxInflight;
        check(maxInflight >= 2 && maxInflight <= 65535, "max-inflight", "'max-inflight' must be between 2 and 65535");
        maxRate = maxRate == null ? 0 : maxRate;
        check(maxRate >= 0, "max-rate", "'max-rate' must be 0 (unlimited) or a positive number of messages/s");
        deadLetterAfter = deadLetterAfter == null ? 5 : deadLetterAfter;
        check(deadLetterAfter >= 1 && deadLetterAfter <= 1000, "dead-letter-after",
                "'dead-letter-after' must be between 1 and 1000");
        statusInterval = statusInterval == null ? Duration.ofSeconds(30) : statusInterval;
        check(statusInterval.toMillis() >= 100, "status-interval", "'status-interval' must be at least 100ms");
        version = version == null ? V5 : version.trim();
        check(version.equals(V5) || version.equals(V311), "version",
                "'version' must be 5 or 3.1.1, got '" + version + "'");
        sessionExpiry = sessionExpiry == null ? Duration.ZERO : sessionExpiry;
        check(!sessionExpiry.isNegative() && sessionExpiry.toSeconds() <= 0xFFFFFFFFL, "session-expiry",
                "'session-expiry' must be between 0s and 4294967295s");
        check(sessionExpiry.isZero() || version.equals(V5), "session-expiry",
                "'session-expiry' needs MQTT 5; remove it or set 'version: 5'");
        check(messageExpiry == null || messageExpiry.toSeconds() >= 1 && messageExpiry.toSeconds() <= 0xFFFFFFFFL,
                "message-expiry", "'message-expiry' must be between 1s and 4294967295s");
        check(messageExpiry == null || version.equals(V5), "message-expiry",
                "'message-expiry' needs MQTT 5; remove it or set 'version: 5'");
    }

    public MqttConfig(List<String> broker, String clientId, String username, String password, Path passwordFile,
                      TlsConfig tls, Integer qos, String topic, Duration keepAlive, Integer maxInflight,
                      Integer maxRate, Integer deadLetterAfter, Duration statusInterval) {
        this(broker, clientId, username, password, passwordFile, tls, qos, topic, keepAlive, maxInflight, maxRate,
                deadLetterAfter, statusInterval, null, null, null);
    }

    /** The same settings with another protocol version. */
    public MqttConfig withVersion(String v) {
        return new MqttConfig(broker, clientId, username, password, passwordFile, tls, qos, topic, keepAlive,
                maxInflight, maxRate, deadLetterAfter, statusInterval, v, sessionExpiry, messageExpiry);
    }

    /** The same settings with only {@code uri} as the broker. */
    public MqttConfig withBroker(String uri) {
        return new MqttConfig(List.of(uri), clientId, username, password, passwordFile, tls, qos, topic, keepAlive,
                maxInflight, maxRate, deadLetterAfter, statusInterval, version, sessionExpiry, messageExpiry);
    }

    /** The client id the gateway connects with. */
    public String clientIdFor(String gatewayId) {
        return clientId != null ? clientId : "iot-gateway-" + gatewayId;
    }

    public MqttConfig(List<String> broker, String clientId, String username, String password, TlsConfig tls,
                      Integer qos, String topic, Duration keepAlive, Integer maxInflight) {
        this(broker, clientId, username, password, null, tls, qos, topic, keepAlive, maxInflight, null, null, null, null,
                null, null);
    }

    public static MqttConfig defaults() {
        return new MqttConfig(null, null, null, null, (TlsConfig) null, null, null, null, null);
    }

    /** Keeps the password out of logs and {@code validate} output. */
    @Override
    public String toString() {
        return "MqttConfig[broker=" + broker + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "****") + ", passwordFile=" + passwordFile + ", tls=" + tls + ", qos=" + qos
                + ", topic=" + topic + ", keepAlive=" + keepAlive + ", maxInflight=" + maxInflight + ", maxRate=" + maxRate
                + ", deadLetterAfter=" + deadLetterAfter + ", statusInterval=" + statusInterval + ", version=" + version
                + ", sessionExpiry=" + sessionExpiry + ", messageExpiry=" + messageExpiry + "]";
    }
}
