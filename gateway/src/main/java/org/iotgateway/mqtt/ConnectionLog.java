package org.iotgateway.mqtt;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per connection state change, never one per message or per retry. Called from the
 * supervisor thread and the client's callback thread; only logs, never blocks on anything else.
 */
final class ConnectionLog {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);

    private final String brokers;
    private final String outboxPath;
    private final String caFile;
    private final String version;
    private boolean everConnected;
    private boolean downReported;
    private boolean limitsReported;
    private long downSinceNanos = System.nanoTime();

    ConnectionLog(List<String> brokers, String outboxPath, String caFile, String version) {
        this.brokers = String.join(", ", brokers);
        this.outboxPath = outboxPath;
        this.caFile = caFile;
        this.version = version;
    }

    synchronized void connectFailed(Throwable cause) {
        if (!downReported) {
            downReported = true;
            log.warn("broker {} unreachable ({}); aggregates are kept in the outbox ({}) and sent when it is back",
                    brokers, describeConnect(cause), outboxPath);
        } else {
            log.debug("broker {} still unreachable: {}", brokers, describeConnect(cause));
        }
    }

    synchronized void lost(Throwable cause) {
        lostQuietly();
        log.warn("broker lost: {}; aggregates are kept in the outbox ({}) meanwhile", describe(cause), outboxPath);
    }

    /** Lost, and the reason was logged by whoever read the broker's DISCONNECT. */
    synchronized void lostQuietly() {
        downReported = true;
        downSinceNanos = System.nanoTime();
    }

    synchronized void connected(String uri, long pending, BrokerLimits limits) {
        if (downReported) {
            double secs = (System.nanoTime() - downSinceNanos) / 1e9;
            log.warn("broker back after {} s ({}), {} aggregates pending", String.format(Locale.ROOT, "%.1f", secs),
                    uri, pending);
        } else if (!everConnected) {
            log.info("connected to broker {} with MQTT {}, {} aggregates pending", uri, version, pending);
        }
        if (limits.stated() && !limitsReported) {
            limitsReported = true;
            log.info("broker limits: receive maximum {}, maximum packet size {}, retain {}, maximum QoS {}",
                    limits.receiveMaximum(), limits.maximumPacketSize() == 0 ? "none" : limits.maximumPacketSize() + " B",
                    limits.retainAvailable() ? "available" : "NOT available", limits.maximumQos());
        }
        everConnected = true;
        downReported = false;
    }

    /** A failed connect: a 3.1.1-only broker closes an MQTT 5 CONNECT, which says what to set. */
    private String describeConnect(Throwable t) {
        String hint = ProtocolHint.explain(t, version);
        return hint != null ? hint : describe(t);
    }

    private String describe(Throwable t) {
        String tls = TlsErrors.explain(t, caFile);
        return tls != null ? tls : describeCause(t);
    }

    /** Paho wraps the interesting part (connection refused, unknown host, a TLS failure) in its cause. */
    static String describeCause(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        Throwable root = t.getCause() != null ? t.getCause() : t;
        return root == t ? t.toString() : t.getMessage() + ": " + root;
    }
}
