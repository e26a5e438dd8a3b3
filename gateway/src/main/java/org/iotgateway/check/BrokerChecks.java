package org.iotgateway.check;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.GatewayConfig;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.mqtt.OneShotLink;
import org.iotgateway.mqtt.TlsSetupException;

/**
 * The broker(s), as the gateway will meet them: for each configured URI, reachable (DNS, TCP), then
 * one MQTT connect exactly as the gateway makes it (version, TLS, credentials) but with the client id
 * {@code <client-id>-check} and no last will, so a running gateway is neither pushed off nor marked
 * offline; the CONNACK's limits; and publish permission for every topic the config publishes to
 * ({@link TopicProbe}). A failed step skips the ones that depend on it, saying why.
 */
final class BrokerChecks implements CheckSuite {
    private static final Duration CONNECT = Duration.ofSeconds(15);

    @Override
    public void run(ConfigLoader.Loaded config, Consumer<CheckResult> out) {
        GatewayConfig cfg = config.config();
        List<PublishTargets> targets = PublishTargets.of(cfg);
        for (String uri : cfg.mqtt().broker()) {
            try {
                broker(cfg, cfg.mqtt().withBroker(uri), uri, targets, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void broker(GatewayConfig cfg, MqttConfig mqtt, String uri, List<PublishTargets> targets,
                               Consumer<CheckResult> out) throws InterruptedException {
        String subject = "broker " + uri;
        CheckResult reach = Reachability.check(uri);
        out.accept(reach);
        if (reach.outcome() == CheckResult.Outcome.FAIL) {
            out.accept(CheckResult.skip(subject + " topics", "not checked: the broker is not reachable"));
            return;
        }
        String clientId = mqtt.clientIdFor(cfg.gateway().id()) + "-check";
        OneShotLink link;
        try {
            link = OneShotLink.open(mqtt, clientId, CONNECT);
        } catch (TlsSetupException e) {
            out.accept(CheckResult.fail(subject, e.getMessage(), "fix the files named in mqtt.tls"));
            return;
        }
        try (link) {
            if (link.failure() != null) {
                out.accept(ConnectDiagnosis.of(subject, link.failure(), mqtt));
                out.accept(CheckResult.skip(subject + " topics", "not checked: no connection"));
                return;
            }
            out.accept(CheckResult.ok(subject, "connected with MQTT " + mqtt.version()
                    + (uri.startsWith("ssl://") ? " over TLS (certificate verified)" : "")
                    + (mqtt.username() != null ? " as user " + mqtt.username() : "") + ", client id " + clientId));
            LimitChecks.run(subject, link.limits(), mqtt, targets, out);
            new TopicProbe(mqtt, cfg.gateway().id(), clientId).run(link, targets, out);
        }
    }
}
