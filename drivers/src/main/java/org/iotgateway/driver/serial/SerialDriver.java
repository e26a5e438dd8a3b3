package org.iotgateway.driver.serial;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PushDriver;
import org.iotgateway.driver.QualityMonitor;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.StateReporter;
import org.iotgateway.driver.serial.parser.BinaryFrame;
import org.iotgateway.driver.serial.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a serial device (USB adapter, UART) through jssc on one thread per sensor, cuts the bytes
 * into lines or binary frames and parses them into channel values. Survives garbage (counted per
 * reason) and unplugging (reported {@code disconnected}, reopened with backoff).
 */
public final class SerialDriver implements PushDriver {
    public static final DriverType<SerialParams, SerialChannelParams> TYPE = new DriverType<>(
            "serial", SerialParams.class, SerialChannelParams.class, SerialDriver::new,
            (s, host) -> SerialDevices.check(s.params().port(), host));
    /**
     * A holder, not a field: the first logger starts logback (some 500 classes, a tenth of a second),
     * and replay and validate load this class while reading the config without logging from it.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(SerialDriver.class);
    }

    private final SensorSpec<SerialParams, SerialChannelParams> spec;
    private final Map<String, int[]> channelsByField;
    private final InputCounts counts = new InputCounts();
    private SerialReader reader;
    private Thread thread;

    public SerialDriver(SensorSpec<SerialParams, SerialChannelParams> spec) {
        this.spec = spec;
        this.channelsByField = channelsByField(spec.channels());
        List<String> known = spec.params().parser().knownFields(spec.params());
        if (known != null) {
            List<String> unknown = FrameHandler.unknown(channelsByField, known);
            if (!unknown.isEmpty()) {
                Log.LOG.warn("sensor {}: parser {} never produces field(s) {}; it produces {}", spec.sensorId(),
                        spec.params().parser(), unknown, known);
            }
        }
    }

    @Override
    public void start(ReadingSink sink) {
        SerialParams p = spec.params();
        StateReporter state = new StateReporter(spec.sensorId(), sink);
        Parser parser = p.parser().create(p);
        FrameHandler handler = new FrameHandler(spec.sensorId(), parser, channelsByField, sink,
                System::currentTimeMillis, new QualityMonitor(state), counts);
        Framer framer = p.parser().binary()
                ? new BinaryFramer((BinaryFrame) parser, handler)
                : new LineFramer((byte) p.delimiter().charAt(0), p.maxLineLength(), handler);
        reader = new SerialReader(p, framer, state);
        thread = new Thread(reader, "driver-serial-" + spec.sensorId());
        thread.setDaemon(true);
        thread.start();
    }

    /** What became of the input so far; any thread. */
    public InputCounts counts() {
        return counts;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        if (reader == null) {
            return;
        }
        reader.stop();
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, int[]> channelsByField(List<ChannelSpec<SerialChannelParams>> channels) {
        Map<String, List<Integer>> ids = new HashMap<>();
        for (ChannelSpec<SerialChannelParams> c : channels) {
            String field = c.params() == null || c.params().field() == null ? c.name() : c.params().field();
            ids.computeIfAbsent(field, k -> new ArrayList<>()).add(c.id());
        }
        Map<String, int[]> out = new HashMap<>();
        ids.forEach((f, list) -> out.put(f, list.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }
}
