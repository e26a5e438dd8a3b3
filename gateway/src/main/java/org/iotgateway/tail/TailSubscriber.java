package org.iotgateway.tail;

import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.mqtt.ReconnectSupervisor;

/**
 * Subscribes with QoS 1 and hands every message to a queue, kept connected by the gateway's own
 * {@link ReconnectSupervisor} (backoff with jitter, the first connect included). Its client id is
 * its own ({@code iot-gateway-tail-<random>}) so it never pushes the gateway off the broker. Paho's
 * callback thread only enqueues; connecting and subscribing happen on the supervisor's thread.
 */
public final class TailSubscriber implements AutoCloseable {
    /** A received message, or (topic null) word that the subscriber reconnected. */
    public record Message(String topic, byte[] payload) {
        static final Message RECONNECTED = new Message(null, null);
    }

    private final MqttAsyncClient client;
    private final String filter;
    private final String brokers;
    private final BlockingQueue<Message> queue;
    private final PrintStream err;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tail-connect");
        t.setDaemon(true);
        return t;
    });
    private final ReconnectSupervisor supervisor;
    private boolean everSubscribed;

    private TailSubscriber(MqttConnectOptions options, String filter, BlockingQueue<Message> queue, PrintStream err)
            throws MqttException {
        this.filter = filter;
        this.brokers = String.join(", ", options.getServerURIs());
        this.queue = queue;
        this.err = err;
        this.client = new MqttAsyncClient(options.getServerURIs()[0],
                "iot-gateway-tail-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        ReconnectSupervisor.Attempt connect = (ok, failed) -> client.connect(options, null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                ok.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                failed.accept(cause);
            }
        });
        this.supervisor = new ReconnectSupervisor(connect, thread, new ReconnectSupervisor.Listener() {
            @Override
            public void connected() {
                subscribe();
            }

            @Override
            public void connectFailed(Throwable cause) {
                err.println("tail: broker " + brokers + " not reachable (" + (cause.getCause() != null ? cause.getCause()
                        : cause) + "); retrying");
            }
        });
        client.setCallback(new Callbacks());
    }

    /** Starts connecting (and retrying) at once; returns at once. Problems are reported on {@code err}. */
    public static TailSubscriber start(MqttConnectOptions options, String filter, BlockingQueue<Message> queue,
                                       PrintStream err) throws MqttException {
        TailSubscriber s = new TailSubscriber(options, filter, queue, err);
        s.supervisor.start();
        return s;
    }

    /** Supervisor thread, after each connect (the session is clean: subscribe every time). */
    private void subscribe() {
        try {
            client.subscribe(filter, 1).waitForCompletion(10_000);
            if (everSubscribed) {
                queue.add(Message.RECONNECTED);
            } else {
                err.println("tail: subscribed to " + filter + " on " + client.getCurrentServerURI());
            }
            everSubscribed = true;
        } catch (MqttException e) {
            err.println("tail: subscribing to " + filter + " failed (" + e + "); reconnecting");
            try {
                client.disconnectForcibly(0, 1_000);
            } catch (MqttException ignored) {
                // the supervisor connects afresh either way
            }
            supervisor.connectionLost();
        }
    }

    @Override
    public void close() {
        supervisor.stop();
        thread.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // going away anyway
        }
    }

    /** Paho's callback thread: hand-offs only. */
    private final class Callbacks implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            err.println("tail: connection lost (" + cause + "); reconnecting");
            supervisor.connectionLost();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            queue.add(new Message(topic, message.getPayload()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // a subscriber publishes nothing
        }
    }
}
