package org.iotgateway.mqtt;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per connection state change, never one per message or per retry. Called from the
 * supervisor thread and Paho's callback thread; only logs, never blocks on anything else.
 */
final class ConnectionLog {
    private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);

    private final String brokers;
    private final String outboxPath;
    private final String caFile;
    private boolean everConnected;
    private boolean downReported;
    private long downSinceNanos = System.nanoTime();

    ConnectionLog(List<String> brokers, String outboxPath, String caFile) {
        this.brokers = String.join(", ", brokers);
        this.outboxPath = outboxPath;
        this.caFile = caFile;
    }

    synchronized void connectFailed(Throwable cause) {
        if (!downReported) {
            downReported = true;
            log.warn("broker {} unreachable ({}); aggregates are kept in the outbox ({}) and sent when it is back",
                    brokers, describe(cause), outboxPath);
        } else {
            log.debug("broker {} still unreachable: {}", brokers, describe(cause));
        }
    }

    synchronized void lost(Throwable cause) {
        downReported = true;
        downSinceNanos = System.nanoTime();
        log.warn("broker lost: {}; aggregates are kept in the outbox ({}) meanwhile", describe(cause), outboxPath);
    }

    synchronized void connected(String uri, long pending) {
        if (downReported) {
            double secs = (System.nanoTime() - downSinceNanos) / 1e9;
            log.warn("broker back after {} s ({}), {} aggregates pending", String.format(Locale.ROOT, "%.1f", secs),
                    uri, pending);
        } else if (!everConnected) {
            log.info("connected to broker {}, {} aggregates pending", uri, pending);
        }
        everConnected = true;
        downReported = false;
    }

    /** Paho wraps the interesting part (connection refused, unknown host, a TLS failure) in its cause. */
    private String describe(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        String tls = TlsErrors.explain(t, caFile);
        if (tls != null) {
            return tls;
        }
        Throwable root = t.getCause() != null ? t.getCause() : t;
        return root == t ? t.toString() : t.getMessage() + ": " + root;
    }
}
