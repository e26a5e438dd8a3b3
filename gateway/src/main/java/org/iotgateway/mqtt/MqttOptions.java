package org.iotgateway.mqtt;

import java.security.GeneralSecurityException;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.util.SecretFile;

/** Turns the validated {@link MqttConfig} into Paho connect options. Start-up thread; may read TLS files. */
final class MqttOptions {
    private MqttOptions() {
    }

    static MqttConnectOptions build(MqttConfig cfg, String statusTopic) throws GeneralSecurityException {
        MqttConnectOptions o = new MqttConnectOptions();
        // Explicit 3.1.1: the default tries 3.1.1 then 3.1 on every URI, doubling failed attempts.
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // The outbox is the only record of what is owed; a broker session would be a second one.
        o.setCleanSession(true);
        // Our ReconnectSupervisor does it (Paho's never retries a failed first connect, #825, #576).
        o.setAutomaticReconnect(false);
        o.setServerURIs(cfg.broker().toArray(String[]::new));
        o.setKeepAliveInterval((int) cfg.keepAlive().toSeconds());
        o.setMaxInflight(cfg.maxInflight());
        o.setConnectionTimeout(10);
        if (cfg.username() != null) {
            o.setUserName(cfg.username());
        }
        if (cfg.password() != null) {
            o.setPassword(cfg.password().toCharArray());
        } else if (cfg.passwordFile() != null) {
            o.setPassword(SecretFile.read(cfg.passwordFile(), "mqtt.password-file").toCharArray());
        }
        o.setWill(statusTopic, StatusMessages.OFFLINE, 1, true);
        if (TlsSupport.needsTls(cfg.broker())) {
            o.setSocketFactory(TlsSupport.socketFactory(cfg.tls()));
            o.setHttpsHostnameVerificationEnabled(TlsSupport.verifyHostname(cfg.tls()));
        }
        return o;
    }
}
