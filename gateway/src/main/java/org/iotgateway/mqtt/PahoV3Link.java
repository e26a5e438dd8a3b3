package org.iotgateway.mqtt;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over Paho's MQTT 3.1.1 client. 3.1.1 has no refusals: a broker that drops a
 * publish (an ACL, a size limit) still answers PUBACK, so {@code refused} is never called and the
 * broker's limits are {@link BrokerLimits#UNSTATED}. Paho v3's own in-flight counter lags the
 * token's completion (#551), so its window must stay one below {@code maxInflight}.
 */
final class PahoV3Link implements MqttLink {
    private static final Logger log = LoggerFactory.getLogger(PahoV3Link.class);

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final String[] servers;
    private volatile Events events = why -> { };

    PahoV3Link(MqttConnectOptions options, String clientId, ScheduledExecutorService pool) throws MqttException {
        this.options = options;
        this.servers = options.getServerURIs();
        // The ScheduledExecutorPingSender follows the monotonic clock, unlike java.util.Timer (a Pi has no RTC).
        this.client = new MqttAsyncClient(servers[0], clientId, new MemoryPersistence(),
                new ScheduledExecutorPingSender(pool), pool);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.lost(ServerDisconnect.dropped(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // Subscriptions deliver to their own listeners.
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // Per-publish listeners handle completion.
            }
        });
    }

    @Override
    public void events(Events e) {
        events = e;
    }

    @Override
    public void connect(String redirect, ConnectListener listener) throws MqttException {
        client.connect(options, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                listener.connected(BrokerLimits.UNSTATED);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                listener.failed(cause);
            }
        });
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public String serverUri() {
        return client.getCurrentServerURI();
    }

    @Override
    public String protocol() {
        return "3.1.1";
    }

    /** One below maxInflight: Paho v3 frees its slot only after our listener ran (#551). */
    @Override
    public int window(int maxInflight, BrokerLimits limits) {
        return maxInflight - 1;
    }

    @Override
    public long packetSize(String topic, int payloadBytes, int qos) {
        return PacketSize.publish(topic, payloadBytes, qos, 0, false);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Completion done)
            throws NotSentException {
        try {
            client.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.accepted();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    done.failed(cause);
                }
            });
        } catch (MqttException e) {
            throw new NotSentException(e.toString(), e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED,
                    e);
        }
    }

    @Override
    public int subscribe(String filter, int qos, long timeoutMillis, Consumer<byte[]> sink) throws MqttException {
        IMqttToken t = client.subscribe(filter, qos, (topic, message) -> sink.accept(message.getPayload()));
        t.waitForCompletion(timeoutMillis);
        int[] granted = t.getGrantedQos();
        return granted == null || granted.length == 0 ? 0x80 : granted[0];
    }

    @Override
    public void shutdown(String topic, byte[] finalMessage) {
        try {
            if (client.isConnected()) {
                if (topic != null) {
                    client.publish(topic, finalMessage, 1, true).waitForCompletion(2_000);
                }
                client.disconnect(1_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            log.debug("clean MQTT disconnect failed: {}", e.toString());
        }
        close();
    }

    @Override
    public void close() {
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
