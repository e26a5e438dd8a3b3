package org.iotgateway.http;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.iotgateway.outbox.OutboxStats;
import org.iotgateway.stream.StreamMetrics;

/**
 * Decides {@code /health}: healthy while the pipeline runs and keeps up. Unhealthy, with the first
 * reason found, when the stream consumer is not running (or stuck), the ring is overloaded
 * (readings dropped or the ring over 80 % full in the last second), the outbox's store is unusable
 * (disk full), the outbox failed a write or dropped an aggregate in the last 30 s, or rows were
 * seen waiting for a commit on two checks at least 10 s apart with no commit in between (the
 * writer commits every 100 ms or sooner), or the broker refused a publish or took our session over
 * (another client with our client id) in the last 30 s.
 * A broker outage alone is healthy: the outbox holding the backlog is the design working.
 *
 * <p>The outbox rules compare the counters with those of the previous check, so the state is
 * kept here; {@link #check} is called from the HTTP threads and is synchronized.
 */
final class HealthCheck {
    static final long FAILURE_HOLD_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** @param reason one line for people; "ok" when healthy */
    record Verdict(boolean healthy, String reason) {
    }

    private final StatusSource source;
    private final LongSupplier nanoClock;
    private long failures;
    private long brokerTroubles;
    private long lastBrokerTroubleNanos;
    private boolean brokerTroubled;
    private long lastFailureNanos;
    private boolean failedOnce;
    private long committed;
    private boolean waiting;
    private long waitingSinceNanos;

    HealthCheck(StatusSource source, LongSupplier nanoClock) {
        this.source = source;
        this.nanoClock = nanoClock;
        OutboxStats s = source.outbox();
        this.failures = failures(s);
        this.committed = s.committed();
        this.brokerTroubles = brokerTroubles(source.broker());
    }

    private static long brokerTroubles(org.iotgateway.mqtt.PublisherStats b) {
        return b.refusedTotal() + b.takeovers();
    }

    synchronized Verdict check() {
        long now = nanoClock.getAsLong();
        if (!source.consumerAlive()) {
            return bad("stream consumer not running");
        }
        StreamMetrics m = source.stream();
        if (m.overloaded()) {
            return bad(String.format("stream overloaded: ingest %.0f/s, processed %.0f/s, ring %d/%d, %d dropped",
                    m.ingestPerSecond(), m.processedPerSecond(), m.occupancy(), m.capacity(), m.dropped()));
        }
        OutboxStats s = source.outbox();
        if (!s.storeUsable()) {
            return bad("outbox store unusable (disk full?): " + s.heldInMemory() + " aggregates held in memory, "
                    + s.publishedUnstored() + " published without being stored, " + s.lostUnstored() + " lost");
        }
        long f = failures(s);
        if (f != failures) {
            failures = f;
            lastFailureNanos = now;
            failedOnce = true;
        }
        if (failedOnce && now - lastFailureNanos < FAILURE_HOLD_NANOS) {
            return bad("outbox not writable: " + s.writeFailures() + " write failures, " + s.queueFullDrops()
                    + " aggregates dropped (writer queue full)");
        }
        // Aggregates sent or lost during a store outage are never committed: not waiting either.
        long queued = s.appended() - s.queueFullDrops() - s.rejected() - s.committed() - s.publishedUnstored()
                - s.lostUnstored();
        if (s.committed() != committed || queued <= 0) {
            committed = s.committed();
            waiting = false;
        } else if (!waiting) {
            waiting = true;
            waitingSinceNanos = now;
        } else if (now - waitingSinceNanos >= STALL_NANOS) {
            return bad("outbox writer stalled: " + queued + " aggregates waiting at least "
                    + TimeUnit.NANOSECONDS.toSeconds(now - waitingSinceNanos) + " s for a commit");
        }
        org.iotgateway.mqtt.PublisherStats b = source.broker();
        long t = brokerTroubles(b);
        if (t != brokerTroubles) {
            brokerTroubles = t;
            lastBrokerTroubleNanos = now;
            brokerTroubled = true;
        }
        if (brokerTroubled && now - lastBrokerTroubleNanos < FAILURE_HOLD_NANOS) {
            return bad("broker refusing: " + b.refusedTotal() + " publishes refused " + nonZero(b.refused())
                    + ", session taken over " + b.takeovers() + " times (another client with our client id)");
        }
        return new Verdict(true, "ok");
    }

    private static java.util.Map<String, Long> nonZero(java.util.Map<String, Long> m) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> {
            if (v > 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static long failures(OutboxStats s) {
        return s.writeFailures() + s.queueFullDrops() + s.lostUnstored();
    }

    private static Verdict bad(String reason) {
        return new Verdict(false, reason);
    }
}
