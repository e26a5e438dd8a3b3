package org.iotgateway.driver.onewire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.driver.ChannelSpec;
import org.iotgateway.driver.DriverType;
import org.iotgateway.driver.PolledDriver;
import org.iotgateway.driver.QualityMonitor;
import org.iotgateway.driver.ReadingSink;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.StateReporter;

/**
 * DS18B20 temperature probes on the kernel's 1-Wire bus ({@code w1-gpio}, {@code w1-therm}),
 * read from {@code <base>/28-*}{@code /w1_slave}. Each channel reads one device by id, or every
 * device found ({@code device: "*"}). A device that is configured but absent is rejected as
 * {@code missing-device}; when none of them answers the sensor is {@code disconnected}.
 */
public final class Ds18b20Driver implements PolledDriver {
    public static final DriverType<OneWireParams, OneWireChannelParams> TYPE = new DriverType<>(
            "ds18b20", OneWireParams.class, OneWireChannelParams.class, Ds18b20Driver::new,
            OneWireDevices::check);

    private final SensorSpec<OneWireParams, OneWireChannelParams> spec;
    private StateReporter state;
    private QualityMonitor quality;

    public Ds18b20Driver(SensorSpec<OneWireParams, OneWireChannelParams> spec) {
        this.spec = spec;
    }

    @Override
    public Duration interval() {
        return spec.params().interval();
    }

    @Override
    public void poll(long nowMillis, ReadingSink sink) throws IOException {
        if (state == null) {
            state = new StateReporter(spec.sensorId(), sink);
            quality = new QualityMonitor(state);
        }
        List<String> found = found();
        int answered = 0;
        for (ChannelSpec<OneWireChannelParams> c : spec.channels()) {
            String device = c.params() == null || c.params().device() == null ? c.name() : c.params().device();
            List<String> devices = device.equals(OneWireChannelParams.ALL) ? found : List.of(device);
            for (String d : devices) {
                answered += read(d, c.id(), nowMillis, sink) ? 1 : 0;
            }
        }
        if (answered == 0) {
            state.set(SensorState.DISCONNECTED, "no DS18B20 answered under " + spec.params().base());
        } else if (state.current() != SensorState.DEGRADED) {
            state.set(SensorState.OK, answered + " device(s) answered");
        }
    }

    /** Reads one device; true if it answered (even with a bad value). */
    private boolean read(String device, int channel, long now, ReadingSink sink) {
        Path file = spec.params().base().resolve(device).resolve("w1_slave");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            sink.reject(spec.sensorId(), "missing-device", device + ": " + e.getMessage());
            return false;
        }
        try {
            sink.offer(channel, now, W1Slave.celsius(text));
            quality.good();
        } catch (W1Slave.Bad bad) {
            sink.reject(spec.sensorId(), bad.reason, device + ": " + bad.getMessage());
            quality.bad();
        }
        return true;
    }

    private List<String> found() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(spec.params().base())) {
            return ids;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(spec.params().base(), "28-*")) {
            dirs.forEach(p -> ids.add(p.getFileName().toString()));
        }
        ids.sort(null);
        return ids;
    }

    @Override
    public void close() {
        // nothing held between polls
    }
}
