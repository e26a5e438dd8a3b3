package org.iotgateway.driver.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.RecordingSink;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unplugging: socat killed under the reader, CPU stays quiet, readings resume when it is back. */
class SerialUnplugIT {
    @TempDir
    Path dir;

    @Test
    void unplugIsReportedQuietAndRecoveredWithoutRestart() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (SocatPty pty = new SocatPty(dir).start();
             SerialDriver driver = new SerialDriver(SerialSpecs.spec(
                     SerialSpecs.params(pty.devicePath(), ParserKind.CSV, List.of("t"), null), "t"))) {
            driver.start(sink);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.OK);
            pty.write("1.5\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.values(0).contains(1.5));

            pty.kill();
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.DISCONNECTED);

            long threadCpu0 = threadCpuNanos(driver.thread());
            long processCpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            Thread.sleep(3_000);
            double wall = System.nanoTime() - wall0;
            double threadShare = (threadCpuNanos(driver.thread()) - threadCpu0) / wall;
            double processShare = (processCpuNanos() - processCpu0) / wall;
            System.out.printf("while unplugged: driver thread %.3f%% of a core, whole test JVM %.3f%%%n",
                    threadShare * 100, processShare * 100);
            assertThat(threadShare).as("driver thread CPU share while unplugged").isLessThan(0.05);
            assertThat(processShare).as("process CPU share while unplugged").isLessThan(0.05);
            assertThat(driver.thread().isAlive()).isTrue();

            pty.start();
            long back = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.OK);
            pty.write("2.5\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.values(0).contains(2.5));
            System.out.printf("readings resumed %d ms after the device came back%n",
                    (System.nanoTime() - back) / 1_000_000);
        }
    }

    @Test
    void aPortThatNeverAppearedIsDisconnectedNotAnError() throws Exception {
        RecordingSink sink = new RecordingSink();
        SocatPty pty = new SocatPty(dir);
        try (SerialDriver driver = new SerialDriver(SerialSpecs.spec(
                SerialSpecs.params(pty.devicePath(), ParserKind.CSV, List.of("t"), null), "t"))) {
            driver.start(sink);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.DISCONNECTED);
            pty.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.lastState() == SensorState.OK);
            pty.write("7\n");
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.values(0).contains(7.0));
        } finally {
            pty.close();
        }
    }

    private static long threadCpuNanos(Thread t) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
