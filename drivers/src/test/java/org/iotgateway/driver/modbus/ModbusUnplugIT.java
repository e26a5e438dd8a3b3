package org.iotgateway.driver.modbus;

import org.iotgateway.driver.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iotgateway.driver.modbus.ModbusSpecs.rtu;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.serial.SocatPty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cable pulled (socat SIGKILLed under the bus) and put back: every slave on the bus is
 * disconnected, the bus thread stays quiet while the port is gone, and reading resumes without a
 * restart. A port that never appeared is disconnected, not an error.
 */
class ModbusUnplugIT {
    private static final Duration TEN_S = Duration.ofSeconds(10);
    @TempDir
    Path dir;

    @Test
    void aCablePullDisconnectsTheBusQuietlyAndItRecovers() throws Exception {
        SocatPty pty = new SocatPty(dir).start();
        Simulator sim = Simulator.start("devices.py", "--rtu", pty.testPath().toString(), "1:sdm630", "2:xymd02");
        String dev = pty.devicePath();
        RecordingSink sdm = new RecordingSink();
        RecordingSink xy = new RecordingSink();
        try (ModbusDriver a = new ModbusDriver(ModbusSpecs.sdm630("sdm", rtu(dev, 1, Duration.ofMillis(300),
                Duration.ofMillis(250))));
             ModbusDriver b = new ModbusDriver(ModbusSpecs.xymd02("xy", rtu(dev, 2, Duration.ofMillis(300),
                     Duration.ofMillis(250))))) {
            a.start(sdm);
            b.start(xy);
            await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.OK && xy.lastState() == SensorState.OK);

            pty.kill();
            await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.DISCONNECTED
                    && xy.lastState() == SensorState.DISCONNECTED);
            long cpu0 = threadCpuNanos(a.thread());
            long wall0 = System.nanoTime();
            Thread.sleep(3_000);
            double share = (threadCpuNanos(a.thread()) - cpu0) / (double) (System.nanoTime() - wall0);
            System.out.printf("while unplugged: bus thread %.3f%% of a core%n", share * 100);
            assertThat(share).as("bus thread CPU share while unplugged").isLessThan(0.05);

            sim.close(); // it lost its end of the cable too
            pty.start();
            sim = Simulator.start("devices.py", "--rtu", pty.testPath().toString(), "1:sdm630", "2:xymd02");
            long back = System.nanoTime();
            int before = sdm.values(0).size();
            await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.OK && xy.lastState() == SensorState.OK
                    && sdm.values(0).size() > before);
            System.out.printf("readings resumed %d ms after the cable was back%n", (System.nanoTime() - back) / 1_000_000);
            assertThat(sdm.states).containsSubsequence(List.of(SensorState.OK, SensorState.DISCONNECTED, SensorState.OK));
            // Polls that fell due while the port was gone were not skipped by a busy bus.
            assertThat(sdm.rejects("bus-overrun") + xy.rejects("bus-overrun")).isZero();
        } finally {
            sim.close();
            pty.close();
        }
    }

    @Test
    void aPortThatNeverAppearedIsDisconnectedUntilItDoes() throws Exception {
        SocatPty pty = new SocatPty(dir);
        RecordingSink sink = new RecordingSink();
        Simulator sim = null;
        try (ModbusDriver d = new ModbusDriver(ModbusSpecs.xymd02("xy", rtu(pty.devicePath(), 2, Duration.ofMillis(300),
                Duration.ofMillis(250))))) {
            d.start(sink);
            await().atMost(TEN_S).until(() -> sink.lastState() == SensorState.DISCONNECTED);
            pty.start();
            sim = Simulator.start("devices.py", "--rtu", pty.testPath().toString(), "2:xymd02");
            await().atMost(TEN_S).until(() -> sink.lastState() == SensorState.OK && sink.values(1).size() >= 1);
            assertThat(sink.last(1)).isCloseTo(45.6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(sink.rejects("bus-overrun")).isZero();
        } finally {
            if (sim != null) {
                sim.close();
            }
            pty.close();
        }
    }

    private static long threadCpuNanos(Thread t) {
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId());
    }
}
