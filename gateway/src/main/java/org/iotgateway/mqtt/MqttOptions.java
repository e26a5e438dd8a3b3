package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.util.SecretFile;

/**
 * Turns the validated {@link MqttConfig} into a {@link MqttLink} of its {@code version}: the Paho
 * client and its connect options. Start-up thread; may read TLS and password files.
 */
public final class MqttOptions {
    private MqttOptions() {
    }

    /**
     * The gateway's link: {@code will} goes, retained, to {@code statusTopic} if the connection dies
     * (null: no will, for a client that must not mark the gateway offline when it goes, e.g. {@code check}).
     *
     * @param pool the client's threads (at least 4, see LIBRARY-NOTES); its pinger runs on it too
     */
    public static MqttLink link(MqttConfig cfg, String clientId, String statusTopic, byte[] will,
                                ScheduledExecutorService pool) throws GeneralSecurityException {
        try {
            if (cfg.version().equals(MqttConfig.V311)) {
                MqttConnectOptions o = v3(cfg);
                o.setMaxInflight(cfg.maxInflight());
                if (will != null) {
                    o.setWill(statusTopic, will, 1, true);
                }
                return new PahoV3Link(o, clientId, pool);
            }
            MqttConnectionOptions o = v5(cfg);
            if (will != null) {
                o.setWill(statusTopic, new org.eclipse.paho.mqttv5.common.MqttMessage(will, 1, true, null));
            }
            Long expiry = cfg.messageExpiry() == null ? null : cfg.messageExpiry().toSeconds();
            return new PahoV5Link(o, clientId, expiry, pool);
        } catch (org.eclipse.paho.client.mqttv3.MqttException | org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new IllegalArgumentException("mqtt: cannot create the client: " + e.getMessage(), e);
        }
    }

    /**
     * Options for a client that only listens with the gateway's broker, credentials and TLS (the
     * {@code tail} command, MQTT 3.1.1 whatever the gateway speaks: a subscriber gains nothing from
     * 5): no last will, which would mark the gateway offline when the listener goes away. Give it
     * its own client id: the broker disconnects a client whose id reconnects.
     */
    public static MqttConnectOptions forSubscriber(MqttConfig cfg) throws GeneralSecurityException {
        return v3(cfg);
    }

    private static MqttConnectOptions v3(MqttConfig cfg) throws GeneralSecurityException {
        MqttConnectOptions o = new MqttConnectOptions();
        // Explicit 3.1.1: the default tries 3.1.1 then 3.1 on every URI, doubling failed attempts.
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // The outbox is the only record of what is owed; a broker session would be a second one.
        o.setCleanSession(true);
        // Our ReconnectSupervisor does it (Paho's never retries a failed first connect, #825, #576).
        o.setAutomaticReconnect(false);
        o.setServerURIs(cfg.broker().toArray(String[]::new));
        o.setKeepAliveInterval((int) cfg.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        if (cfg.username() != null) {
            o.setUserName(cfg.username());
        }
        String password = password(cfg);
        if (password != null) {
            o.setPassword(password.toCharArray());
        }
        if (TlsSupport.needsTls(cfg.broker())) {
            o.setSocketFactory(TlsSupport.socketFactory(cfg.tls()));
            o.setHttpsHostnameVerificationEnabled(TlsSupport.verifyHostname(cfg.tls()));
        }
        return o;
    }

    private static MqttConnectionOptions v5(MqttConfig cfg) throws GeneralSecurityException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // Clean start on every connect: the outbox is the only record of what is owed.
        o.setCleanStart(true);
        o.setSessionExpiryInterval(cfg.sessionExpiry().toSeconds());
        // Our ReconnectSupervisor does it (the v5 client's ignores its delays, #864, never retries a first connect, #930).
        o.setAutomaticReconnect(false);
        // No topic aliases: one kept across a disconnect loops the v5 client forever (#1104).
        o.setTopicAliasMaximum(0);
        o.setServerURIs(cfg.broker().toArray(String[]::new));
        o.setKeepAliveInterval((int) cfg.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        if (cfg.username() != null) {
            o.setUserName(cfg.username());
        }
        String password = password(cfg);
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (TlsSupport.needsTls(cfg.broker())) {
            o.setSocketFactory(TlsSupport.socketFactory(cfg.tls()));
            o.setHttpsHostnameVerificationEnabled(TlsSupport.verifyHostname(cfg.tls()));
        }
        return o;
    }

    private static String password(MqttConfig cfg) {
        if (cfg.password() != null) {
            return cfg.password();
        }
        return cfg.passwordFile() == null ? null : SecretFile.read(cfg.passwordFile(), "mqtt.password-file");
    }
}
