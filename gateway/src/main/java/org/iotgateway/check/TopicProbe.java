package org.iotgateway.check;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.mqtt.MqttLink;
import org.iotgateway.mqtt.OneShotLink;
import org.iotgateway.mqtt.ReasonCode;
import org.iotgateway.mqtt.Refusal;

/**
 * Publish permission for every topic the gateway will publish to, proved by publishing a probe
 * ({@link ProbePayload}; for a Home Assistant discovery topic, the discovery config itself, retained,
 * as the gateway will publish it anyway). Under MQTT 5 the PUBACK's reason code answers. Under
 * 3.1.1 the broker acknowledges a denied publish, so the probe must come back to a subscription on
 * the same topic; when the broker will not let us subscribe, nothing can be proved and the line says so.
 * <p>
 * Runs on the calling thread (check's main thread, or the start-up check's own thread), blocking up
 * to a few seconds per topic. A connection that drops (mosquitto drops a 3.1.1 client after a denied
 * publish) is opened again for the next topic.
 */
public final class TopicProbe {
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Duration ECHO = Duration.ofSeconds(3);

    private final MqttConfig cfg;
    private final String gateway;
    private final String clientId;

    public TopicProbe(MqttConfig cfg, String gateway, String clientId) {
        this.cfg = cfg;
        this.gateway = gateway;
        this.clientId = clientId;
    }

    /** Probes every target through {@code first} (opening another link when it drops); one line each. */
    public void run(OneShotLink first, List<PublishTargets> targets, Consumer<CheckResult> out)
            throws InterruptedException {
        OneShotLink link = first;
        try {
            for (PublishTargets t : targets) {
                if (!link.link().isConnected()) {
                    if (link != first) {
                        link.close();
                    }
                    link = OneShotLink.open(cfg, clientId, ANSWER);
                    if (link.failure() != null) {
                        out.accept(CheckResult.skip("topic " + t.topic(), "not checked: reconnecting failed ("
                                + ConnectDiagnosis.cause(link.failure()) + ")"));
                        continue;
                    }
                }
                out.accept(cfg.version().equals(MqttConfig.V5) ? v5(link.link(), t) : v311(link.link(), t));
            }
        } finally {
            if (link != first) {
                link.close();
            }
        }
    }

    private CheckResult v5(MqttLink link, PublishTargets t) throws InterruptedException {
        String subject = "topic " + t.topic();
        CompletableFuture<Refusal> answer = new CompletableFuture<>();
        try {
            publish(link, t, ProbePayload.of(gateway, "v5"), new MqttLink.Completion() {
                @Override
                public void accepted() {
                    answer.complete(null);
                }

                @Override
                public void refused(Refusal refusal) {
                    answer.complete(refusal);
                }

                @Override
                public void failed(Throwable cause) {
                    answer.completeExceptionally(cause);
                }
            });
            Refusal r = answer.get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null) {
                return CheckResult.ok(subject, "publish permitted (" + t.kind() + ", PUBACK success)");
            }
            return CheckResult.fail(subject, t.kind() + " refused: " + ReasonCode.describe(r.code())
                    + (r.reasonString() == null ? "" : " (\"" + r.reasonString() + "\")"), fix(t, r.code()));
        } catch (MqttLink.NotSentException e) {
            return CheckResult.skip(subject, "not checked: " + e.getMessage());
        } catch (TimeoutException e) {
            return CheckResult.fail(subject, "no answer to the probe within " + ANSWER.toSeconds() + " s",
                    "check the broker's log for this client");
        } catch (java.util.concurrent.ExecutionException e) {
            return CheckResult.fail(subject, "the connection dropped on the probe's answer (" + ConnectDiagnosis.cause(
                    e.getCause()) + "); mosquitto answers a publish over message_size_limit this way",
                    "check the broker's log; raise its message size limit if the log says so");
        }
    }

    private CheckResult v311(MqttLink link, PublishTargets t) throws InterruptedException {
        String subject = "topic " + t.topic();
        String nonce = UUID.randomUUID().toString();
        CompletableFuture<Void> echo = new CompletableFuture<>();
        boolean[] armed = {t.retainedPayload() == null};
        int granted;
        try {
            granted = link.subscribe(t.topic(), 1, ANSWER.toMillis(), payload -> {
                if (armed[0] && (t.retainedPayload() != null || new String(payload,
                        java.nio.charset.StandardCharsets.UTF_8).contains(nonce))) {
                    echo.complete(null);
                }
            });
        } catch (Exception e) {
            return CheckResult.skip(subject, "not checked: subscribing failed (" + ConnectDiagnosis.cause(e) + ")");
        }
        if (granted >= 0x80) {
            return CheckResult.warn(subject, "cannot tell: MQTT 3.1.1 brokers acknowledge a denied publish, and this"
                    + " user may not subscribe to " + t.topic() + " to see whether the probe arrives",
                    "set mqtt.version: 5 if the broker speaks it, or let this user read the topic for the check");
        }
        if (!armed[0]) {
            // A retained copy from an earlier run arrives on subscribe: let it pass before publishing.
            Thread.sleep(300);
            armed[0] = true;
        }
        try {
            publish(link, t, ProbePayload.of(gateway, nonce), new MqttLink.Completion() {
                @Override
                public void accepted() {
                }

                @Override
                public void refused(Refusal refusal) {
                }

                @Override
                public void failed(Throwable cause) {
                }
            });
            echo.get(ECHO.toMillis(), TimeUnit.MILLISECONDS);
            return CheckResult.ok(subject, "publish permitted (" + t.kind() + ", the probe came back)");
        } catch (MqttLink.NotSentException e) {
            return CheckResult.skip(subject, "not checked: " + e.getMessage());
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // mosquitto grants a subscription it will not deliver on: "may not read" looks the same.
            return CheckResult.fail(subject, t.kind() + " not delivered: the probe did not come back within "
                    + ECHO.toSeconds() + " s, so publishing to it is denied, or this user may not read it (MQTT 3.1.1"
                    + " brokers acknowledge a publish they drop, so the two look the same)", fix(t, 0x87)
                    + "; if publishing is allowed, let this user read the topic too, or use mqtt.version: 5");
        }
    }

    private static void publish(MqttLink link, PublishTargets t, byte[] probe, MqttLink.Completion done)
            throws MqttLink.NotSentException {
        boolean retained = t.retainedPayload() != null;
        link.publish(t.topic(), retained ? t.retainedPayload() : probe, 1, retained, done);
    }

    private String fix(PublishTargets t, int code) {
        if (code == 0x87 || code == 0x80) {
            return "allow this client to publish to " + t.topic() + " (mosquitto acl_file: 'topic write " + t.topic()
                    + "'; AWS IoT policy: iot:Publish on arn:aws:iot:REGION:ACCOUNT:topic/" + t.topic() + ")";
        }
        if (code == 0x90) {
            return "the broker rejects the topic name: change mqtt.topic (or the sensor/channel ids)";
        }
        if (code == 0x97) {
            return "the broker's quota for this client is exhausted: raise it, or lower the publish rate (mqtt.max-rate)";
        }
        return "check the broker's log for this client and topic";
    }
}
