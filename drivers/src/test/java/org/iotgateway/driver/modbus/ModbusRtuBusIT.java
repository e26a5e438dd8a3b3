package org.iotgateway.driver.modbus;

import org.iotgateway.driver.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iotgateway.driver.modbus.ModbusSpecs.channel;
import static org.iotgateway.driver.modbus.ModbusSpecs.rtu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.serial.SocatPty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One RS-485 "cable" (a socat pty pair) with three pymodbus slaves on it: an emulated Eastron
 * SDM630 (unit 1), an XY-MD02 (unit 2) and a device holding known values in every byte order
 * (unit 3). mbpoll cross-checks the values; a slave switched off is silent on the bus like a dead
 * one.
 */
class ModbusRtuBusIT {
    private static final Duration TEN_S = Duration.ofSeconds(10);
    private static final long SLACK_MS = 100;
    @TempDir
    Path dir;
    private SocatPty pty;
    private Simulator sim;
    private final List<ModbusDriver> drivers = new ArrayList<>();

    @BeforeEach
    void bus() throws Exception {
        pty = new SocatPty(dir).start();
        sim = Simulator.start("devices.py", "--rtu", pty.testPath().toString(), "1:sdm630", "2:xymd02", "3:orders");
    }

    @AfterEach
    void unplug() throws Exception {
        drivers.forEach(ModbusDriver::close);
        sim.close();
        pty.close();
    }

    private RecordingSink start(org.iotgateway.driver.SensorSpec<ModbusParams, ModbusChannelParams> spec) {
        RecordingSink sink = new RecordingSink();
        ModbusDriver d = new ModbusDriver(spec);
        drivers.add(d);
        d.start(sink);
        return sink;
    }

    @Test
    void anSdm630AndAnXymd02OnOneBusReadAsMbpollReadsThem() throws Exception {
        String dev = pty.devicePath();
        Map<Integer, Double> meter = new java.util.HashMap<>();
        for (int register : new int[] {0x00, 0x06, 0x0C, 0x46, 0x156}) {
            meter.putAll(Mbpoll.read("-m", "rtu", "-b", "9600", "-P", "none", "-a", "1", "-r", "" + register,
                    "-t", "3:float", "-B", dev));
        }
        Map<Integer, Double> probe = Mbpoll.read("-m", "rtu", "-b", "9600", "-P", "none", "-a", "2", "-r", "1", "-c",
                "2", "-t", "3", dev);
        assertThat(meter).containsEntry(0, 230.5).containsEntry(0x156, 12345.5);

        RecordingSink sdm = start(ModbusSpecs.sdm630("sdm", rtu(dev, 1, Duration.ofMillis(600), Duration.ofMillis(500))));
        RecordingSink xy = start(ModbusSpecs.xymd02("xy", rtu(dev, 2, Duration.ofMillis(600), Duration.ofMillis(500))));
        await().atMost(TEN_S).until(() -> sdm.values(4).size() >= 3 && xy.values(1).size() >= 3);

        // mbpoll prints six significant digits
        int[] registers = {0x00, 0x06, 0x0C, 0x46, 0x156};
        for (int i = 0; i < registers.length; i++) {
            assertThat(sdm.last(i)).isCloseTo(meter.get(registers[i]), org.assertj.core.data.Percentage.withPercentage(1e-3));
        }
        assertThat(List.of(sdm.last(0), sdm.last(1), sdm.last(2), sdm.last(3), sdm.last(4)))
                .containsExactly(230.5, 5.25, 1210.125, 50.0, 12345.5);
        assertThat(xy.last(0)).isEqualTo(probe.get(1) * 0.1).isCloseTo(-5.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(xy.last(1)).isEqualTo(probe.get(2) * 0.1).isCloseTo(45.6, org.assertj.core.data.Offset.offset(1e-9));
        // One acquisition time per poll: every stamp carries all five channels.
        Map<Long, Long> perStamp = sdm.readings.stream().collect(Collectors.groupingBy(RecordingSink.Reading::time,
                Collectors.counting()));
        assertThat(perStamp.values()).allMatch(n -> n == 5);
        assertThat(sdm.rejectLog).isEmpty();
        assertThat(xy.rejectLog).isEmpty();
        assertThat(sdm.lastState()).isEqualTo(SensorState.OK);
    }

    @Test
    void everyByteOrderReadsTheKnownValue() {
        String dev = pty.devicePath();
        RecordingSink s = start(ModbusSpecs.spec("orders", rtu(dev, 3, Duration.ofMillis(600), Duration.ofMillis(500)),
                channel(Table.HOLDING, 0, ValueType.FLOAT32, "ABCD", null),
                channel(Table.HOLDING, 2, ValueType.FLOAT32, "CDAB", null),
                channel(Table.HOLDING, 4, ValueType.FLOAT32, "BADC", null),
                channel(Table.HOLDING, 6, ValueType.FLOAT32, "DCBA", null),
                channel(Table.HOLDING, 10, ValueType.INT32, "ABCD", null),
                channel(Table.HOLDING, 12, ValueType.INT32, "CDAB", null),
                channel(Table.HOLDING, 20, ValueType.INT64, "ABCD", null),
                channel(Table.HOLDING, 24, ValueType.INT64, "DCBA", null),
                channel(Table.HOLDING, 30, ValueType.FLOAT64, "ABCD", null),
                channel(Table.HOLDING, 34, ValueType.FLOAT64, "CDAB", null),
                channel(Table.HOLDING, 40, ValueType.UINT16, null, null),
                channel(Table.HOLDING, 41, ValueType.INT16, null, null),
                channel(Table.HOLDING, 42, ValueType.UINT32, null, null),
                new ModbusChannelParams(44, Table.HOLDING, null, null, 0, null, null),
                new ModbusChannelParams(44, Table.HOLDING, null, null, 15, null, null),
                new ModbusChannelParams(44, Table.HOLDING, null, null, 1, null, null),
                channel(Table.COIL, 0, null, null, null),
                channel(Table.COIL, 1, null, null, null),
                channel(Table.COIL, 9, null, null, null),
                channel(Table.DISCRETE, 1, null, null, null)));
        await().atMost(TEN_S).until(() -> s.values(19).size() >= 2);
        double f = 123.456f;
        assertThat(List.of(s.last(0), s.last(1), s.last(2), s.last(3))).containsOnly(f);
        assertThat(List.of(s.last(4), s.last(5))).containsOnly(-123456.0);
        assertThat(List.of(s.last(6), s.last(7))).containsOnly(-1234567890123.0);
        assertThat(List.of(s.last(8), s.last(9))).containsOnly(-2.5e-3);
        assertThat(s.last(10)).isEqualTo(65535);
        assertThat(s.last(11)).isEqualTo(-2);
        assertThat(s.last(12)).isEqualTo(4_000_000_000.0);
        assertThat(List.of(s.last(13), s.last(14), s.last(15))).containsExactly(1.0, 1.0, 0.0);
        assertThat(List.of(s.last(16), s.last(17), s.last(18), s.last(19))).containsExactly(1.0, 0.0, 1.0, 1.0);
        assertThat(s.rejectLog).isEmpty();
    }

    /**
     * The XY-MD02 goes silent: the meter's polls are held up by at most the probe's timeout (plus
     * the probe's request on the wire, the pause and thread wake-up: {@value #SLACK_MS} ms), it
     * keeps its rate and gets no reject; the probe is disconnected after three silent polls, then
     * asked less and less often; switched on again, it is ok and read again.
     */
    @Test
    void aDeadSlaveCostsTheOtherAtMostItsTimeoutAndComesBack() throws Exception {
        String dev = pty.devicePath();
        Duration interval = Duration.ofMillis(500);
        Duration timeout = Duration.ofMillis(300);
        RecordingSink sdm = start(ModbusSpecs.sdm630("sdm", rtu(dev, 1, interval, timeout)));
        RecordingSink xy = start(ModbusSpecs.xymd02("xy", new ModbusParams(dev, null, null, null, null, null, null, 2,
                interval, timeout, null, null, null, null, Duration.ofMillis(200), Duration.ofSeconds(2))));
        await().atMost(TEN_S).until(() -> xy.lastState() == SensorState.OK && sdm.lastState() == SensorState.OK);

        sim.command("off 2");
        long off = System.currentTimeMillis();
        await().atMost(TEN_S).until(() -> xy.lastState() == SensorState.DISCONNECTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> xy.rejects("timeout") >= Slave.SILENT_POLLS + 3);
        long on = System.currentTimeMillis();
        List<Long> gaps = gaps(sdm, off, on);
        List<Long> tries = xy.rejectTimes("timeout");
        List<Long> spacing = new ArrayList<>();
        for (int i = 1; i < tries.size(); i++) {
            spacing.add((tries.get(i) - tries.get(i - 1)) / 1_000_000);
        }
        System.out.printf("live slave's poll gaps while the other was dead (interval %d ms, timeout %d ms): max %d ms,"
                + " %s%ndead slave's attempts apart (ms): %s%n", interval.toMillis(), timeout.toMillis(),
                gaps.stream().mapToLong(Long::longValue).max().orElse(-1), gaps, spacing);
        assertThat(gaps).isNotEmpty().allMatch(g -> g <= interval.toMillis() + timeout.toMillis() + SLACK_MS);
        assertThat(gaps.size()).as("polls while the probe was dead").isGreaterThanOrEqualTo(
                (int) ((on - off) / interval.toMillis()) - 2);
        assertThat(sdm.rejectLog).isEmpty();
        assertThat(sdm.lastState()).isEqualTo(SensorState.OK);
        // Back-off: three attempts an interval apart, then 1 s, 2 s (retry-min 200ms, at least the interval).
        // The attempts start on that schedule; a timeout is counted when its wait ends, a few ms either way.
        assertThat(spacing.get(0)).isLessThan(interval.toMillis() + SLACK_MS);
        assertThat(spacing.get(spacing.size() - 1)).isBetween(2_000 - SLACK_MS, 2_000 + SLACK_MS);

        sim.command("on 2");
        int before = xy.values(0).size();
        await().atMost(TEN_S).until(() -> xy.lastState() == SensorState.OK && xy.values(0).size() > before);
    }

    /** Milliseconds between the live slave's consecutive polls whose stamps fall in [from, to]. */
    private static List<Long> gaps(RecordingSink s, long from, long to) {
        List<Long> stamps = s.readings.stream().filter(r -> r.channel() == 0).map(RecordingSink.Reading::time)
                .filter(t -> t >= from && t <= to).toList();
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < stamps.size(); i++) {
            out.add(stamps.get(i) - stamps.get(i - 1));
        }
        return out;
    }

    @Test
    void anUnmappedAddressIsCountedByNameAndTheRestStillReads() {
        // The XY-MD02 has input registers 0-2: 1 and 5 joined across the gap are refused, then read apart.
        RecordingSink s = start(ModbusSpecs.spec("xy", rtu(pty.devicePath(), 2, Duration.ofMillis(600), Duration.ofMillis(500)),
                channel(Table.INPUT, 1, ValueType.INT16, null, 0.1),
                channel(Table.INPUT, 5, ValueType.INT16, null, 0.1)));
        await().atMost(TEN_S).until(() -> s.values(0).size() >= 3 && s.rejects("illegal-data-address") >= 3);
        assertThat(s.values(1)).isEmpty();
        assertThat(s.rejectLog.stream().map(RecordingSink.Reject::reason).distinct().toList())
                .containsExactly("illegal-data-address");
        assertThat(s.lastState()).isIn(SensorState.OK, SensorState.DEGRADED);
    }
}
