package org.iotgateway.driver.modbus;

import org.iotgateway.driver.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.iotgateway.driver.serial.SocatPty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slave we wrote to misbehave (rogue.py, unit 5: register n holds n): CRC errors, noise
 * around and between replies, replies from the wrong unit, an echoing adapter. Each is counted
 * under its reason, the bus thread survives, and good replies are read again afterwards.
 */
class ModbusRogueSlaveIT {
    private static final Duration TEN_S = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private SocatPty pty;
    private Simulator rogue;
    private ModbusDriver driver;

    @BeforeEach
    void bus() throws Exception {
        pty = new SocatPty(dir).start();
        rogue = Simulator.start("rogue.py", pty.testPath().toString(), "5");
    }

    @AfterEach
    void unplug() throws Exception {
        if (driver != null) {
            driver.close();
        }
        rogue.close();
        pty.close();
    }

    private RecordingSink start(boolean echo) {
        ModbusParams p = new ModbusParams(pty.devicePath(), null, null, null, null, null, echo, 5,
                Duration.ofMillis(300), Duration.ofMillis(250), null, null, null, null, Duration.ofMillis(100),
                Duration.ofMillis(400));
        SensorSpec<ModbusParams, ModbusChannelParams> spec = ModbusSpecs.spec("rogue", p,
                ModbusSpecs.channel(Table.HOLDING, 7, ValueType.UINT16, null, null),
                ModbusSpecs.channel(Table.INPUT, 40, ValueType.UINT32, null, null));
        RecordingSink sink = new RecordingSink();
        driver = new ModbusDriver(spec);
        driver.start(sink);
        return sink;
    }

    /** Switches the slave to {@code mode}, waits for {@code n} rejects of {@code reason}, then back to normal. */
    private void misbehave(RecordingSink sink, String mode, String reason, int n) throws Exception {
        long before = sink.rejects(reason);
        rogue.command("mode " + mode);
        await().atMost(TEN_S).until(() -> sink.rejects(reason) >= before + n);
        rogue.command("mode normal");
        int values = sink.values(0).size();
        await().atMost(TEN_S).until(() -> sink.values(0).size() > values + 1);
        assertThat(driver.thread().isAlive()).isTrue();
    }

    @Test
    void eachMisbehaviourIsCountedByReasonAndNothingCrashes() throws Exception {
        RecordingSink sink = start(false);
        await().atMost(TEN_S).until(() -> sink.values(1).size() >= 2);
        assertThat(sink.last(0)).isEqualTo(7);
        assertThat(sink.last(1)).isEqualTo(40 * 65536 + 41);

        misbehave(sink, "crc", "crc", 4);
        misbehave(sink, "wrong-unit", "wrong-unit", 2);
        misbehave(sink, "echo", "echo", 2);
        int good = sink.values(0).size();
        misbehave(sink, "garbage", "garbage", 6);
        assertThat(sink.values(0).size()).as("noise around a reply costs no reading").isGreaterThan(good + 3);
        assertThat(sink.rejectLog.stream().map(RecordingSink.Reject::reason).distinct().sorted().toList())
                .containsExactly("crc", "echo", "garbage", "wrong-unit");
        assertThat(sink.values(0)).containsOnly(7.0);
        assertThat(sink.values(1)).containsOnly(40 * 65536 + 41.0);
        System.out.println("rejects by reason: " + sink.rejectLog.stream().collect(java.util.stream.Collectors
                .groupingBy(RecordingSink.Reject::reason, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
    }

    @Test
    void anEchoingAdapterIsReadWithEchoOn() throws Exception {
        rogue.command("mode echo");
        RecordingSink sink = start(true);
        await().atMost(TEN_S).until(() -> sink.values(1).size() >= 3);
        assertThat(sink.rejectLog).isEmpty();
        rogue.command("mode normal"); // the echo is missing now: with echo on, that is an error
        await().atMost(TEN_S).until(() -> sink.rejects("echo") >= 2);
    }

    @Test
    void aSlaveThatFallsSilentIsDisconnectedThenOkAgain() throws Exception {
        RecordingSink sink = start(false);
        await().atMost(TEN_S).until(() -> sink.lastState() == SensorState.OK);
        rogue.command("mode silent");
        await().atMost(TEN_S).until(() -> sink.lastState() == SensorState.DISCONNECTED);
        assertThat(sink.rejects("timeout")).isGreaterThanOrEqualTo(Slave.SILENT_POLLS);
        assertThat(sink.rejectLog.stream().map(RecordingSink.Reject::reason).distinct().toList()).containsOnly("timeout");
        rogue.command("mode normal");
        await().atMost(TEN_S).until(() -> sink.lastState() == SensorState.OK);
        assertThat(sink.states).containsSubsequence(List.of(SensorState.OK, SensorState.DISCONNECTED, SensorState.OK));
    }
}
