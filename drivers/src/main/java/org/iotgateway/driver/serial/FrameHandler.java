package org.iotgateway.driver.serial;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.iotgateway.driver.QualityMonitor;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.serial.parser.BadInput;
import org.iotgateway.driver.serial.parser.FieldSink;
import org.iotgateway.driver.serial.parser.Parser;

/**
 * Parses each frame and offers the values whose field names a channel reads; counts every outcome
 * in {@link InputCounts} and reports rejects to the sink by reason. Reader thread only.
 */
final class FrameHandler implements FieldSink {
    private final String sensor;
    private final Parser parser;
    private final Map<String, int[]> channelsByField;
    private final ReadingSink sink;
    private final LongSupplier clock;
    private final QualityMonitor quality;
    private final InputCounts counts;
    private long frameTime;
    private int offered;

    FrameHandler(String sensor, Parser parser, Map<String, int[]> channelsByField, ReadingSink sink,
            LongSupplier clock, QualityMonitor quality, InputCounts counts) {
        this.sensor = sensor;
        this.parser = parser;
        this.channelsByField = Map.copyOf(channelsByField);
        this.sink = sink;
        this.clock = clock;
        this.quality = quality;
        this.counts = counts;
    }

    void frame(byte[] buf, int off, int len) {
        counts.frames.incrementAndGet();
        frameTime = clock.getAsLong();
        offered = 0;
        try {
            parser.parse(buf, off, len, this);
        } catch (BadInput e) {
            reject(e.reason(), e.getMessage());
            return;
        } catch (RuntimeException e) { // a parser bug must cost one frame, never the reader thread
            reject("parser-error", e.toString());
            return;
        }
        if (offered > 0) {
            counts.used.incrementAndGet();
            quality.good();
        } else {
            counts.ignored.incrementAndGet();
        }
    }

    @Override
    public void field(String name, double value) {
        int[] channels = channelsByField.get(name);
        if (channels == null) {
            return;
        }
        for (int c : channels) {
            sink.offer(c, frameTime, value);
            counts.values.incrementAndGet();
        }
        offered++;
    }

    void reject(String reason, String detail) {
        counts.rejected.incrementAndGet();
        quality.bad();
        sink.reject(sensor, reason, detail);
    }

    /** Field names that no parser output of a fixed-field format can satisfy; for a start-up warning. */
    static List<String> unknown(Map<String, int[]> channelsByField, List<String> known) {
        return channelsByField.keySet().stream().filter(f -> !known.contains(f)).sorted().toList();
    }
}
