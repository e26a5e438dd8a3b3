package org.iotgateway.remote;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.StatusJson;

/**
 * The status message's {@code "remote-config"} section: which config runs and why, its version,
 * a trial in progress, the last outcome, and every pushed message counted by what became of it
 * ({@code received = accepted + replayed + not-addressed + refused by reason + dropped-busy}).
 * Written on the config
 * thread (counters from the callback thread too), read on the publisher's supervisor thread; never blocks.
 */
final class RemoteStatus {
    /** The last pushed version's outcome. */
    record Last(long version, String status, String reason, String detail, Instant at) {
    }

    private volatile InForce running;
    private volatile String topic;
    private volatile long trialVersion;
    private volatile Instant trialUntil;
    private volatile Last last;
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    /** A version already decided, sent again (the retained message at every connect): answered as before. */
    final LongAdder replayed = new LongAdder();
    final LongAdder notAddressed = new LongAdder();
    final LongAdder applied = new LongAdder();
    final LongAdder rolledBack = new LongAdder();
    final LongAdder droppedBusy = new LongAdder();
    private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);

    RemoteStatus() {
        for (RefusalReason r : RefusalReason.values()) {
            refused.put(r, new LongAdder());
        }
    }

    void running(InForce f, String listeningOn) {
        running = f;
        topic = listeningOn;
    }

    void trial(long version, Instant until) {
        trialVersion = version;
        trialUntil = until;
    }

    void trialOver() {
        trialUntil = null;
    }

    void last(Last l) {
        last = l;
    }

    void refused(RefusalReason r) {
        refused.get(r).increment();
    }

    /**
     * @param subscription the subscription's state ("subscribed", "pending", "refused: ..."), or null
     * @param resultsUnsent results dropped before they could be sent
     */
    void write(StatusJson j, String subscription, long resultsUnsent) {
        InForce f = running;
        if (f == null) {
            return;
        }
        j.object("remote-config", o -> {
            o.field("enabled", topic != null).field("topic", topic).field("subscription", subscription)
                    .field("source", f.source().wire).field("file", f.file().toString())
                    .field("version", f.version()).field("why", f.why());
            Instant until = trialUntil;
            if (until == null) {
                o.field("trial", (String) null);
            } else {
                o.object("trial", t -> t.field("version", trialVersion).field("until", iso(until)));
            }
            Last l = last;
            if (l == null) {
                o.field("last", (String) null);
            } else {
                o.object("last", t -> t.field("version", l.version()).field("status", l.status())
                        .field("reason", l.reason()).field("detail", l.detail()).field("at", iso(l.at())));
            }
            o.field("received", received.sum()).field("accepted", accepted.sum())
                    .field("replayed", replayed.sum()).field("not-addressed", notAddressed.sum())
                    .field("applied", applied.sum()).field("rolled-back", rolledBack.sum())
                    .object("refused", r -> refused.forEach((k, v) -> r.field(k.wire(), v.sum())))
                    .field("dropped-busy", droppedBusy.sum()).field("results-unsent", resultsUnsent);
        });
    }

    private static String iso(Instant t) {
        return t == null ? null : AggregatePayload.iso(t.toEpochMilli());
    }
}
