package org.iotgateway.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.AggregateListener;
import org.iotgateway.wire.AggregatePayload;

/**
 * Writes each aggregate as one JSON line of the wire payload, numbering them 1, 2, 3... in the order
 * the engine closes them (window-end order). Write errors surface as {@link UncheckedIOException}
 * because the listener interface cannot throw; {@link Replay} unwraps them. Single-threaded.
 */
final class AggregateWriter implements AggregateListener {
    private final Writer out;
    private final String gatewayId;
    private long seq;

    AggregateWriter(Writer out, String gatewayId) {
        this.out = out;
        this.gatewayId = gatewayId;
    }

    @Override
    public void onAggregate(Aggregate aggregate) {
        try {
            out.write(AggregatePayload.render(++seq, gatewayId, aggregate));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long written() {
        return seq;
    }
}
