package org.iotgateway.driver.modbus;

import org.iotgateway.driver.RecordingSink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.iotgateway.driver.serial.Parity;
import org.iotgateway.driver.serial.SocatPty;

/**
 * The modbus figures, run by {@code scripts/bench.sh modbus}; one line per run.
 *
 * <pre>
 * throughput BAUD pace|nopace SECONDS   two slaves (rogue.py units 1 and 2) on one socat bus, 20
 *                                        sensors each asking for one float32 every 100 ms (400
 *                                        polls/s, more than the bus carries): polls/s against the
 *                                        wire-time limit
 * dead BAUD SECONDS                      a live slave (interval 100ms) next to a dead one asked
 *                                        every 230ms with a 50ms timeout, never backed off (its
 *                                        retry-max is its interval): the live slave's poll delays
 *                                        behind its due time, and the same run without the dead one
 * </pre>
 *
 * A socat pty moves bytes at once whatever the baud: with {@code pace} the slave holds each reply
 * back for the time request and reply take on a real line (11 bits a byte), so the figure is the
 * bus's; without, it is our master's own overhead (and the Python slave's).
 */
public final class ModbusBench {
    private ModbusBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("modbus-bench-");
        try (SocatPty pty = new SocatPty(dir).start()) {
            switch (args[0]) {
                case "throughput" -> throughput(pty, Integer.parseInt(args[1]), args[2].equals("pace"),
                        Integer.parseInt(args[3]));
                case "dead" -> dead(pty, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static ModbusParams params(String port, int baud, int unit, Duration interval, Duration timeout,
            Duration retry) {
        // Even parity: 11 bits a character on the line, as the Modbus spec counts and the slave paces.
        return new ModbusParams(port, null, baud, 8, Parity.EVEN, 1.0, false, unit, interval, timeout,
                Duration.ZERO, null, null, null, retry, retry);
    }

    private static void throughput(SocatPty pty, int baud, boolean pace, int seconds) throws Exception {
        List<String> args = new ArrayList<>(List.of(pty.testPath().toString(), "1,2", "--baud", "" + baud));
        if (pace) {
            args.add("--pace");
        }
        try (Simulator slave = Simulator.start("rogue.py", args.toArray(String[]::new))) {
            // 20 sensors per slave, each every 100 ms: 400 polls/s asked for, more than the bus carries
            // at 115200 baud; a 90 ms timeout, so a slow Python slave is not mistaken for the bus's limit.
            RecordingSink[] sinks = new RecordingSink[40];
            List<ModbusDriver> drivers = new ArrayList<>();
            for (int i = 0; i < sinks.length; i++) {
                int unit = 1 + i % 2;
                ModbusDriver d = new ModbusDriver(ModbusSpecs.spec("s" + i, params(pty.devicePath(), baud, unit,
                        Duration.ofMillis(100), Duration.ofMillis(90), Duration.ofMillis(100)),
                        ModbusSpecs.channel(Table.INPUT, 2 * i, ValueType.FLOAT32, null, null)));
                sinks[i] = new RecordingSink();
                d.start(sinks[i]);
                drivers.add(d);
            }
            Thread.sleep(1_000); // warm-up: JIT, first polls
            int before = readings(sinks);
            long cpu0 = cpuNanos(drivers.get(0).thread());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int polls = readings(sinks) - before;
            double cpu = (cpuNanos(drivers.get(0).thread()) - cpu0) / 1e9 / elapsed;
            drivers.forEach(ModbusDriver::close);
            int bytes = 8 + 9; // request for 2 input registers, reply with 4 data bytes
            double wire = bytes * 11.0 / baud;
            double silence = baud > 19200 ? 0.00175 : 3.5 * 11 / baud;
            System.out.printf("throughput baud %d %s: %.1f polls/s; wire-time limit %.1f polls/s (%d bytes x 11 bits),"
                    + " %.1f with the 3.5-character gap; bus thread %.1f%% of a core; rejects %s%n", baud,
                    pace ? "paced" : "unpaced", polls / elapsed, 1 / wire, bytes, 1 / (wire + silence), cpu * 100,
                    rejects(sinks));
        }
    }

    private static void dead(SocatPty pty, int baud, int seconds) throws Exception {
        try (Simulator slave = Simulator.start("rogue.py", pty.testPath().toString(), "1", "--baud", "" + baud,
                "--pace")) {
            for (boolean withDead : new boolean[] {false, true}) {
                RecordingSink live = new RecordingSink();
                RecordingSink dead = new RecordingSink();
                // The live slave's own timeout is long: a Python slave slowed by a loaded machine must
                // not be counted against the dead one.
                ModbusDriver a = new ModbusDriver(ModbusSpecs.spec("live", params(pty.devicePath(), baud, 1,
                        Duration.ofMillis(100), Duration.ofMillis(90), Duration.ofMillis(100)),
                        ModbusSpecs.channel(Table.INPUT, 0, ValueType.FLOAT32, null, null)));
                ModbusDriver b = new ModbusDriver(ModbusSpecs.spec("dead", params(pty.devicePath(), baud, 2,
                        Duration.ofMillis(230), Duration.ofMillis(50), Duration.ofMillis(230)),
                        ModbusSpecs.channel(Table.INPUT, 0, ValueType.FLOAT32, null, null)));
                a.start(live);
                if (withDead) {
                    b.start(dead);
                }
                Thread.sleep(seconds * 1_000L);
                a.close();
                b.close();
                List<Long> sorted = delays(live.readings.stream().map(RecordingSink.Reading::time).toList(), 100);
                System.out.printf("dead baud %d %s: live slave's poll delay p50 %d ms, p99 %d ms, max %d ms over %d polls"
                        + " (dead slave: timeout 50 ms, asked every 230 ms, %d timeouts); live rejects %s%n", baud,
                        withDead ? "with a dead slave" : "alone", sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() * 99 / 100), sorted.get(sorted.size() - 1), sorted.size(),
                        dead.rejects("timeout"), rejects(new RecordingSink[] {live}));
            }
        }
    }

    /**
     * How late each poll started, sorted: polls are due on a fixed grid of {@code interval} ms whose
     * phase is not visible from outside, so it is taken as the one that makes the delays smallest
     * (the median): delays are relative to the most punctual polls.
     */
    static List<Long> delays(List<Long> stamps, long interval) {
        List<Long> best = null;
        for (long phase : stamps) {
            List<Long> d = stamps.stream().map(t -> Math.floorMod(t - phase, interval)).sorted().toList();
            if (best == null || d.get(d.size() / 2) < best.get(best.size() / 2)) {
                best = d;
            }
        }
        return best;
    }

    private static int readings(RecordingSink[] sinks) {
        int n = 0;
        for (RecordingSink s : sinks) {
            n += s.readings.size();
        }
        return n;
    }

    private static Map<String, Long> rejects(RecordingSink[] sinks) {
        Map<String, Long> out = new TreeMap<>();
        for (RecordingSink s : sinks) {
            s.rejectLog.stream().collect(Collectors.groupingBy(RecordingSink.Reject::reason, Collectors.counting()))
                    .forEach((k, v) -> out.merge(k, v, Long::sum));
        }
        return out;
    }

    private static long cpuNanos(Thread t) {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
    }
}
