package org.iotgateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A Paho QoS 1 subscriber for tests: collects every message per topic in arrival order, and keeps
 * itself connected (its own thread reconnects and re-subscribes every 200 ms while the broker is away).
 * Thread-safe reads from the test thread.
 */
public final class TestSubscriber implements AutoCloseable {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** One received message; {@code seq} is -1 if the payload has none. */
    public record Received(String topic, String payload, long seq, boolean retained) {
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();
    private final String filter;
    private final Map<String, List<Received>> byTopic = new ConcurrentHashMap<>();
    private final List<Received> all = new ArrayList<>();
    private final Thread keeper;
    private volatile boolean running = true;

    private TestSubscriber(List<String> brokerUris, String filter, boolean durable) throws MqttException {
        this.filter = filter;
        this.client = new MqttAsyncClient(brokerUris.get(0), "test-sub-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence());
        options.setServerURIs(brokerUris.toArray(String[]::new));
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(!durable);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setMaxInflight(1000);
        client.setCallback(new Collector());
        keeper = new Thread(this::keepConnected, "test-subscriber");
        keeper.setDaemon(true);
    }

    /**
     * Connects, subscribes with QoS 1 and returns once subscribed.
     *
     * @param durable cleanSession=false: with {@link MosquittoBroker#persistent()} nothing published
     *                while this subscriber reconnects is lost to it
     */
    public static TestSubscriber subscribe(String brokerUri, String filter, boolean durable) throws MqttException {
        return subscribe(List.of(brokerUri), filter, durable);
    }

    /**
     * As {@link #subscribe(String, String, boolean)} on the nodes of a cluster: each reconnect walks
     * the list from the first; with a durable session on a cluster whose sessions are replicated
     * ({@link RabbitCluster}: quorum queues) nothing published while it moves to another node is lost.
     */
    public static TestSubscriber subscribe(List<String> brokerUris, String filter, boolean durable)
            throws MqttException {
        TestSubscriber s = new TestSubscriber(brokerUris, filter, durable);
        s.connectAndSubscribe();
        s.keeper.start();
        return s;
    }

    public static TestSubscriber subscribe(String brokerUri, String filter) throws MqttException {
        return subscribe(brokerUri, filter, false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public List<Received> messages(String topic) {
        List<Received> l = byTopic.getOrDefault(topic, List.of());
        synchronized (l) {
            return List.copyOf(l);
        }
    }

    /** Every message on every topic, in arrival order. */
    public List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Seqs of all messages that carry one, in arrival order, duplicates included. */
    public List<Long> seqs() {
        return all().stream().filter(r -> r.seq() >= 0).map(Received::seq).toList();
    }

    @Override
    public void close() throws MqttException {
        running = false;
        keeper.interrupt();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
        } finally {
            client.close(true);
        }
    }

    private void connectAndSubscribe() throws MqttException {
        client.connect(options).waitForCompletion(5_000);
        client.subscribe(filter, 1).waitForCompletion(5_000);
    }

    private void keepConnected() {
        while (running) {
            try {
                Thread.sleep(200);
                if (!client.isConnected()) {
                    connectAndSubscribe();
                }
            } catch (InterruptedException e) {
                return;
            } catch (MqttException e) {
                // broker still away; try again
            }
        }
    }

    /** Paho's callback thread: only appends to lists. */
    private final class Collector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            Matcher m = SEQ.matcher(payload);
            Received r = new Received(topic, payload, m.find() ? Long.parseLong(m.group(1)) : -1, message.isRetained());
            List<Received> l = byTopic.computeIfAbsent(topic, t -> new ArrayList<>());
            synchronized (l) {
                l.add(r);
            }
            synchronized (all) {
                all.add(r);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            // keepConnected() notices and reconnects
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
