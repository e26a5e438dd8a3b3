package org.iotgateway.bench;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.gpio.FakeChip;

/**
 * What a GPIO sensor whose chip is missing costs while the gateway waits for it
 * (scripts/bench.sh gpio-retry): the real gateway process with {@link FakeChip}'s provider, which
 * fails to initialise as gpiod does without a chip, so every attempt rebuilds the pi4j provider,
 * observes the machine and diagnoses. Once the back-off is at its cap (10 s), the CPU ticks of the
 * driver's thread (/proc/PID/task/TID/stat) over SECONDS. Usage: GpioRetryBench SECONDS
 * (needs -Dgateway.jar and pi4j's mock jar on the classpath)
 */
public final class GpioRetryBench {
    private static final int TICKS_PER_SECOND = 100; // USER_HZ on Linux (x86, ARM)

    private GpioRetryBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("gpio-retry-bench");
        FakeChip fake = new FakeChip(dir);
        try (MosquittoBroker broker = MosquittoBroker.started()) {
            Path cfg = dir.resolve("gateway.yaml");
            Files.writeString(cfg, """
                    gateway: {id: gpio-bench}
                    mqtt: {broker: %s}
                    outbox: {path: state/outbox}
                    sensors:
                      - id: door
                        driver: gpio-input
                        params: {pin: 17, provider: fakechip}
                        channels: [{id: open, window: 1m}]
                    """.formatted(broker.uri()));
            try (GatewayProcess gw = fake.start("run", "--config", cfg.toString())) {
                while (gw.stderr().stream().noneMatch(l -> l.contains("sensor door: ok -> disconnected"))) {
                    Thread.sleep(100);
                }
                Thread.sleep(20_000); // back-off 1, 2, 4, 8 s: at its 10 s cap from here
                Path task = driverThread(gw.pid());
                long t0 = ticks(task);
                Thread.sleep(seconds * 1000L);
                long t1 = ticks(task);
                gw.stop();
                System.out.printf("gpio retry: driver thread %d ticks in %d s = %.3f %% of a core (about %d attempts,"
                        + " %.1f ms each)%n", t1 - t0, seconds, (t1 - t0) * 100.0 / TICKS_PER_SECOND / seconds,
                        seconds / 10, (t1 - t0) * 1000.0 / TICKS_PER_SECOND / (seconds / 10.0));
            }
        }
    }

    private static Path driverThread(long pid) throws Exception {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks) {
                if (Files.readString(t.resolve("comm")).startsWith("driver-gpio-doo")) { // comm: 15 characters
                    return t;
                }
            }
        }
        throw new IllegalStateException("no driver-gpio-door thread in " + pid);
    }

    /** utime + stime of a thread. */
    private static long ticks(Path task) throws Exception {
        String stat = Files.readString(task.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
