package org.iotgateway.replay;

import org.iotgateway.stream.WindowEngine;

/**
 * Feeds readings to the engine with the data's own time as the watermark: the largest timestamp
 * so far, moved <em>before</em> the reading itself is handed over. That is the same lateness rule as
 * moving it after (a reading's window always ends after its own timestamp), but it closes the
 * previous windows first, so aggregates leave strictly in close-time order. One thread.
 */
final class EngineFeed implements ReadingTarget {
    private final WindowEngine engine;
    private long maxTs = Long.MIN_VALUE;

    EngineFeed(WindowEngine engine) {
        this.engine = engine;
    }

    @Override
    public void reading(int channel, long ts, double value) {
        if (ts > maxTs) {
            maxTs = ts;
            engine.advanceWatermark(ts);
        }
        engine.onReading(channel, ts, value);
    }
}
