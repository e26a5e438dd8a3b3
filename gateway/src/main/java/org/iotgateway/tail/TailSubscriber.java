package org.iotgateway.tail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.util.Backoff;

/**
 * Subscribes with QoS 1 and hands every message to a queue, keeping itself connected: a failed or
 * lost connection is retried with backoff on its own thread (Paho's automatic reconnect never
 * retries a first connect, #825). Its client id is its own ({@code iot-gateway-tail-<random>}) so
 * it never pushes the gateway off the broker. Paho's callback thread only enqueues.
 */
public final class TailSubscriber implements AutoCloseable {
    /** A received message, or (topic null) word that the subscriber reconnected. */
    public record Message(String topic, byte[] payload) {
        static final Message RECONNECTED = new Message(null, null);
    }

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final String filter;
    private final BlockingQueue<Message> queue;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tail-connect");
        t.setDaemon(true);
        return t;
    });
    private final Backoff backoff = Backoff.withJitter(Duration.ofMillis(500), Duration.ofSeconds(10));
    private final PrintStream err;
    private boolean everConnected;
    private volatile boolean closed;

    private TailSubscriber(MqttConnectOptions options, String filter, BlockingQueue<Message> queue,
                           PrintStream err) throws MqttException {
        this.options = options;
        this.filter = filter;
        this.queue = queue;
        this.err = err;
        this.client = new MqttAsyncClient(options.getServerURIs()[0],
                "iot-gateway-tail-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new Callbacks());
    }

    /** Starts connecting (and retrying) at once; returns at once. Problems are reported on {@code err}. */
    public static TailSubscriber start(MqttConnectOptions options, String filter, BlockingQueue<Message> queue,
                                       PrintStream err) throws MqttException {
        TailSubscriber s = new TailSubscriber(options, filter, queue, err);
        s.thread.execute(s::attempt);
        return s;
    }

    private void attempt() {
        if (closed) {
            return;
        }
        if (client.isConnected()) {
            subscribe();
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    thread.execute(TailSubscriber.this::subscribe);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    thread.execute(() -> retry(cause));
                }
            });
        } catch (MqttException e) {
            retry(e);
        }
    }

    private void subscribe() {
        try {
            client.subscribe(filter, 1).waitForCompletion(10_000);
            backoff.reset();
            if (everConnected) {
                queue.add(Message.RECONNECTED);
            } else {
                err.println("tail: subscribed to " + filter + " on " + client.getCurrentServerURI());
            }
            everConnected = true;
        } catch (MqttException e) {
            retry(e);
        }
    }

    private void retry(Throwable cause) {
        if (closed) {
            return;
        }
        err.println("tail: broker " + String.join(", ", options.getServerURIs()) + " not reachable ("
                + (cause.getCause() != null ? cause.getCause() : cause) + "); retrying");
        thread.schedule(this::attempt, backoff.nextMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
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

    private final class Callbacks implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            if (!closed) {
                thread.execute(() -> retry(cause));
            }
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
