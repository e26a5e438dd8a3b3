package org.iotgateway.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.TimerPingSender;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttLink} over Paho's MQTT 5 client ({@code org.eclipse.paho.mqttv5.client} 1.2.5).
 * What this adapter exists for, read from Paho's source:
 * <ul>
 * <li>A PUBACK with a reason code >= 0x80 completes the token through {@code onSuccess}, not
 * {@code onFailure}: the code is only in {@code token.getReasonCodes()}. Taking onSuccess as
 * "published" would count every refusal as delivered, the very failure this project exists to
 * prevent.</li>
 * <li>Paho's in-flight limit is the broker's Receive Maximum (32202 past it, #993), and its check of
 * the broker's Maximum Packet Size compares with the wrong field (the client's own incoming limit),
 * so it never refuses an oversized publish: the publish loop does both itself.</li>
 * <li>A server DISCONNECT arrives as {@code disconnected(MqttDisconnectResponse)} with its reason code,
 * reason string and server reference; a dead socket as the same call with only an exception.</li>
 * <li>No topic aliases (#1104: an alias kept across a disconnect loops forever).</li>
 * </ul>
 */
final class PahoV5Link implements MqttLink {
    private static final Logger log = LoggerFactory.getLogger(PahoV5Link.class);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String[] servers;
    private final Long messageExpirySeconds;
    private volatile Events events = why -> { };
    private final Map<String, Consumer<byte[]>> sinks = new ConcurrentHashMap<>();

    /** @param messageExpirySeconds the Message Expiry Interval set on aggregates, or null */
    PahoV5Link(MqttConnectionOptions options, String clientId, Long messageExpirySeconds,
               ScheduledExecutorService pool) throws MqttException {
        this.options = options;
        this.servers = options.getServerURIs();
        this.messageExpirySeconds = messageExpirySeconds;
        // Paho v5 1.2.5 has no ScheduledExecutorPingSender; its TimerPingSender runs on our pool.
        this.client = new MqttAsyncClient(servers[0], clientId, new MemoryPersistence(),
                new TimerPingSender(pool), pool);
        client.setCallback(new Callbacks());
    }

    @Override
    public void events(Events e) {
        events = e;
    }

    @Override
    public void connect(String redirect, ConnectListener listener) throws MqttException {
        options.setServerURIs(redirect == null ? servers : withFirst(redirect));
        client.connect(options, null, new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                listener.connected(limits(token.getResponseProperties()));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                listener.failed(cause);
            }
        });
    }

    private String[] withFirst(String uri) {
        String[] out = new String[servers.length + 1];
        out[0] = uri;
        System.arraycopy(servers, 0, out, 1, servers.length);
        return out;
    }

    static BrokerLimits limits(MqttProperties p) {
        if (p == null) {
            return new BrokerLimits(65535, 0, true, 2, true);
        }
        Integer rm = p.getReceiveMaximum();
        Long mps = p.getMaximumPacketSize();
        Boolean retain = p.isRetainAvailable();
        Integer qos = p.getMaximumQoS();
        return new BrokerLimits(rm == null ? 65535 : rm, mps == null ? 0 : mps, retain == null || retain,
                qos == null ? 2 : qos, true);
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
        return "5";
    }

    /** Paho v5 frees its in-flight slot before it calls our listener, so the whole window is usable. */
    @Override
    public int window(int maxInflight, BrokerLimits limits) {
        return Math.max(1, Math.min(maxInflight, limits.receiveMaximum()));
    }

    /** Fixed header, topic, packet id, properties (message expiry: 5 bytes), payload. */
    @Override
    public long packetSize(String topic, int payloadBytes, int qos) {
        int props = messageExpirySeconds == null ? 0 : 5;
        return PacketSize.publish(topic, payloadBytes, qos, props, true);
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Completion done)
            throws NotSentException {
        MqttProperties props = new MqttProperties();
        if (messageExpirySeconds != null && !retained) {
            props.setMessageExpiryInterval(messageExpirySeconds);
        }
        MqttMessage m = new MqttMessage(payload, qos, retained, props);
        try {
            client.publish(topic, m, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] codes = token.getReasonCodes();
                    int code = codes == null || codes.length == 0 ? 0 : codes[0];
                    if (code >= 0x80) {
                        MqttProperties p = token.getResponseProperties();
                        done.refused(new Refusal(code, p == null ? null : p.getReasonString()));
                    } else {
                        done.accepted();
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    done.failed(cause);
                }
            });
        } catch (MqttException e) {
            throw new NotSentException(e.toString(), e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED,
                    e);
        }
    }

    /**
     * Not Paho's per-subscription listener: in 1.2.5 {@code subscribe(MqttSubscription, IMqttMessageListener)}
     * reads a subscription identifier from empty properties and throws IndexOutOfBoundsException
     * (eclipse-paho/paho.mqtt.java#826, open). Messages reach {@link Callbacks#messageArrived}, which matches the filters.
     */
    @Override
    public int subscribe(String filter, int qos, long timeoutMillis, Consumer<byte[]> sink) throws MqttException {
        sinks.put(filter, sink);
        IMqttToken t = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)}, null, null,
                new MqttProperties());
        t.waitForCompletion(timeoutMillis);
        int[] codes = t.getReasonCodes();
        return codes == null || codes.length == 0 ? 0x80 : codes[0];
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
                client.disconnectForcibly(0, 1_000, false);
            }
            // force: a connect attempt may still be in progress.
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the MQTT client failed: {}", e.toString());
        }
    }

    /** Paho's callback thread: hand-offs only. */
    private final class Callbacks implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            events.lost(r.getException() != null && r.getReturnCode() == 0
                    ? ServerDisconnect.dropped(r.getException())
                    : new ServerDisconnect(r.getReturnCode(), r.getReasonString(), r.getServerReference(),
                            r.getException()));
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.debug("MQTT error reported by the client: {}", e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            sinks.forEach((filter, sink) -> {
                if (MqttTopicValidator.isMatched(filter, topic)) {
                    sink.accept(message.getPayload());
                }
            });
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Per-publish listeners handle completion.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // The connect listener handles it.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // No enhanced authentication.
        }
    }
}
