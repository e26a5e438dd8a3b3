package org.iotgateway.mqtt;

import java.security.GeneralSecurityException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.util.SecretFile;

/** Turns the validated {@link MqttConfig} into Paho connect options. Start-up thread; may read TLS files. */
public final class MqttOptions {
    private MqttOptions() {
    }

    /** The gateway's options, with the bare {@code {"state":"offline"}} as the last will. */
    static MqttConnectOptions build(MqttConfig cfg, String statusTopic) throws GeneralSecurityException {
        return build(cfg, statusTopic, StatusMessages.OFFLINE);
    }

    /** The gateway's options: {@code will} goes, retained, to {@code statusTopic} if the connection dies. */
    static MqttConnectOptions build(MqttConfig cfg, String statusTopic, byte[] will) throws GeneralSecurityException {
        MqttConnectOptions o = common(cfg);
        o.setMaxInflight(cfg.maxInflight());
        o.setWill(statusTopic, will, 1, true);
        return o;
    }

    /**
     * Options for a client that only listens with the gateway's broker, credentials and TLS (the
     * {@code tail} command): no last will, which would mark the gateway offline when the listener
     * goes away. Give it its own client id: the broker disconnects a client whose id reconnects.
     */
    public static MqttConnectOptions forSubscriber(MqttConfig cfg) throws GeneralSecurityException {
        return common(cfg);
    }

    private static MqttConnectOptions common(MqttConfig cfg) throws GeneralSecurityException {
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
        if (cfg.password() != null) {
            o.setPassword(cfg.password().toCharArray());
        } else if (cfg.passwordFile() != null) {
            o.setPassword(SecretFile.read(cfg.passwordFile(), "mqtt.password-file").toCharArray());
        }
        if (TlsSupport.needsTls(cfg.broker())) {
            o.setSocketFactory(TlsSupport.socketFactory(cfg.tls()));
            o.setHttpsHostnameVerificationEnabled(TlsSupport.verifyHostname(cfg.tls()));
        }
        return o;
    }
}
