package org.iotgateway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.iotgateway.config.DataSize;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.OutboxConfig;
import org.iotgateway.mqtt.MqttPublisher;
import org.iotgateway.outbox.Outbox;
import org.iotgateway.testing.Aggregates;
import org.iotgateway.testing.MosquittoBroker;

/**
 * Drain rate (scripts/bench.sh drain): a backlog of N aggregates spilled with no broker, then a
 * local mosquitto started and the backlog drained at QoS 1; compared with a bare Paho QoS 1 loop
 * publishing N messages of the same size with the same in-flight window to the same broker in the
 * same run, with the same client library as the publisher under test (Paho's MQTT 5 client for
 * version 5, its 3.1.1 client for 3.1.1) and the same window (under 5: the smaller of INFLIGHT and
 * the broker's Receive Maximum, as the publisher). Prints both rates and their ratio.
 * Usage: DrainBench N INFLIGHT [VERSION: 5 (default) | 3.1.1]
 */
public final class DrainBench {
    private DrainBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int inflight = Integer.parseInt(args[1]);
        String version = args.length > 2 ? args[2] : MqttConfig.V5;
        Path dir = Files.createTempDirectory("drain-bench");
        String topic = "sensors/bench/env-1/temperature";
        OutboxConfig oc = new OutboxConfig(dir.resolve("outbox"), new DataSize(1_000_000_000L), null);
        try (Outbox o = Outbox.open(oc, "bench")) {
            for (int i = 1; i <= n; i++) {
                o.append(topic, Aggregates.temperature(i));
                while (o.stats().depth() - o.stats().storedRows() > 12_000) {
                    Thread.onSpinWait();
                }
            }
            o.awaitCommitted(n, Duration.ofMinutes(5));
        }
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            String payload;
            try (Outbox o = Outbox.open(oc, "bench")) {
                payload = o.readCommitted(0, 1).get(0).payload();
            }
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            double bare = version.equals(MqttConfig.V5) ? bareLoopV5(broker.uri(), topic, bytes, n, inflight)
                    : bareLoop(broker.uri(), topic, bytes, n, inflight);
            MqttConfig mc = new MqttConfig(List.of(broker.uri()), "bench-drain", null, null, null, 1, null, null,
                    inflight).withVersion(version);
            double drain;
            try (Outbox o = Outbox.open(oc, "bench"); MqttPublisher p = MqttPublisher.create(mc, "bench", o)) {
                long t0 = System.nanoTime();
                p.start();
                while (o.stats().acked() < n) {
                    Thread.sleep(5);
                }
                drain = n / ((System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("drain: MQTT %s, %d aggregates, in-flight %d, payload %d B: outbox drain %.0f /s, bare Paho"
                    + " %.0f /s, ratio %.2f%n", version, n, inflight, payload.length(), drain, bare, drain / bare);
        }
    }

    /**
     * The MQTT 5 reference: Paho's v5 client alone, QoS 1, the publisher's window: the smaller of
     * INFLIGHT and the broker's Receive Maximum (Paho v5 frees a slot before its listener runs).
     */
    static double bareLoopV5(String uri, String topic, byte[] payload, int n, int inflight) throws Exception {
        org.eclipse.paho.mqttv5.client.MqttAsyncClient c = new org.eclipse.paho.mqttv5.client.MqttAsyncClient(uri,
                "bench-bare", new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
        org.eclipse.paho.mqttv5.client.MqttConnectionOptions opt = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
        org.eclipse.paho.mqttv5.client.IMqttToken connected = c.connect(opt);
        connected.waitForCompletion(10_000);
        Integer rm = connected.getResponseProperties() == null ? null
                : connected.getResponseProperties().getReceiveMaximum();
        int window = Math.min(inflight, rm == null ? 65535 : rm);
        Semaphore permits = new Semaphore(window);
        org.eclipse.paho.mqttv5.client.MqttActionListener release = new org.eclipse.paho.mqttv5.client.MqttActionListener() {
            @Override
            public void onSuccess(org.eclipse.paho.mqttv5.client.IMqttToken t) {
                permits.release();
            }

            @Override
            public void onFailure(org.eclipse.paho.mqttv5.client.IMqttToken t, Throwable e) {
                permits.release();
            }
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            c.publish(topic, payload, 1, false, null, release);
        }
        permits.acquire(window);
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        c.disconnect().waitForCompletion(5_000);
        c.close();
        return rate;
    }

    /** The 3.1.1 reference: Paho alone, QoS 1, the same window (maxInflight - 1 permits, as the publisher). */
    static double bareLoop(String uri, String topic, byte[] payload, int n, int inflight) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(uri, "bench-bare", new MemoryPersistence());
        MqttConnectOptions opt = new MqttConnectOptions();
        opt.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        opt.setMaxInflight(inflight);
        c.connect(opt).waitForCompletion(10_000);
        Semaphore window = new Semaphore(inflight - 1);
        IMqttActionListener release = new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken t) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken t, Throwable e) {
                window.release();
            }
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            c.publish(topic, payload, 1, false, null, release);
        }
        window.acquire(inflight - 1);
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        c.disconnect().waitForCompletion(5_000);
        c.close();
        return rate;
    }
}
