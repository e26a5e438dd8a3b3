package org.iotgateway.mqtt;

import org.iotgateway.stream.Aggregate;
import org.iotgateway.stream.ChannelInfo;
import org.iotgateway.testing.Aggregates;

/** Aggregates whose payload is larger than a broker's limit: a long unit makes the JSON as big as asked. */
final class PoisonPayloads {
    private PoisonPayloads() {
    }

    static Aggregate large(long i, int unitChars) {
        ChannelInfo huge = new ChannelInfo(0, "env-1", "temperature", "x".repeat(unitChars), 5000,
                Aggregates.TEMPERATURE.aggregates());
        Aggregate t = Aggregates.temperature(i);
        return new Aggregate(huge, t.start(), t.end(), t.count(), t.min(), t.max(), t.sum(), t.first(), t.last());
    }
}
