package org.iotgateway.mqtt;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last steps of {@link MqttPublisher#close}: final status, disconnect, close. Blocks ≤ ~6 s. */
final class PublisherShutdown {
    private static final Logger log = LoggerFactory.getLogger(PublisherShutdown.class);

    private PublisherShutdown() {
    }

    /** @param finalStatus the retained status of a clean stop (a clean disconnect does not fire the will) */
    static void run(MqttAsyncClient client, String statusTopic, byte[] finalStatus) {
        try {
            if (client.isConnected()) {
                client.publish(statusTopic, finalStatus, 1, true).waitForCompletion(2_000);
                client.disconnect(1_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            log.debug("clean MQTT disconnect failed: {}", e.toString());
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000);
            }
            // force: a connect attempt may still be in progress.
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the MQTT client failed: {}", e.toString());
        }
    }
}
