package org.iotgateway.app;

import java.time.Instant;
import org.iotgateway.wire.AggregatePayload;
import org.iotgateway.wire.StatusJson;

/**
 * The status message's {@code "reload"} section: how the last reload went and since when the
 * running config is loaded (its hash is the message's {@code "config"}). Written by the reload
 * thread, read by the publisher's supervisor thread; never blocks.
 */
final class ReloadStatus {
    private record State(Instant loadedAt, String last, Instant at, String error) {
    }

    private volatile State state = new State(Instant.now(), "none", null, null);

    void applied() {
        Instant now = Instant.now();
        state = new State(now, "ok", now, null);
    }

    /** Refused or failed: the running config stays. */
    void failed(String error) {
        state = new State(state.loadedAt, "failed", Instant.now(), error);
    }

    /** Adds the section, every field every time (null where there is nothing to say). */
    void write(StatusJson status) {
        State s = state;
        status.object("reload", o -> o.field("last", s.last).field("at", s.at == null ? null : iso(s.at))
                .field("config-loaded-at", iso(s.loadedAt)).field("error", s.error));
    }

    private static String iso(Instant t) {
        return AggregatePayload.iso(t.toEpochMilli());
    }
}
