package org.iotgateway.driver.modbus;

import org.iotgateway.driver.RecordingSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.iotgateway.driver.modbus.ModbusSpecs.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotgateway.driver.SensorSpec;
import org.iotgateway.driver.SensorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pymodbus TCP slave on 127.0.0.1 with two units behind it (as behind a TCP-to-RTU gateway):
 * sensors on one host share one connection; a unit that does not answer is disconnected alone; the
 * host going away and coming back is survived without restarting anything.
 */
class ModbusTcpIT {
    private static final Duration TEN_S = Duration.ofSeconds(10);
    private final List<ModbusDriver> drivers = new ArrayList<>();
    private Simulator sim;

    @AfterEach
    void stop() throws Exception {
        drivers.forEach(ModbusDriver::close);
        if (sim != null) {
            sim.close();
        }
    }

    private RecordingSink start(SensorSpec<ModbusParams, ModbusChannelParams> spec) {
        RecordingSink sink = new RecordingSink();
        ModbusDriver d = new ModbusDriver(spec);
        drivers.add(d);
        d.start(sink);
        return sink;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void unitsBehindOneHostShareAConnectionAndAnAbsentOneIsDisconnectedAlone() throws Exception {
        int port = freePort();
        sim = Simulator.start("devices.py", "--tcp", "" + port, "1:sdm630", "2:xymd02");
        Map<Integer, Double> kwh = Mbpoll.read("-m", "tcp", "-p", "" + port, "-a", "1", "-r", "342", "-t", "3:float",
                "-B", "127.0.0.1");
        String host = "127.0.0.1:" + port;
        Duration interval = Duration.ofMillis(600);
        Duration timeout = Duration.ofMillis(500);
        RecordingSink sdm = start(ModbusSpecs.sdm630("sdm", tcp(host, 1, interval, timeout)));
        RecordingSink xy = start(ModbusSpecs.xymd02("xy", tcp(host, 2, interval, timeout)));
        RecordingSink ghost = start(ModbusSpecs.xymd02("ghost", tcp(host, 9, interval, timeout)));
        await().atMost(TEN_S).until(() -> ghost.lastState() == SensorState.DISCONNECTED && sdm.values(4).size() >= 2);
        assertThat(drivers.get(0).thread()).isSameAs(drivers.get(1).thread()).isSameAs(drivers.get(2).thread());
        assertThat(sdm.last(4)).isEqualTo(12345.5).isCloseTo(kwh.get(342), org.assertj.core.data.Percentage.withPercentage(1e-3));
        assertThat(sdm.last(0)).isEqualTo(230.5);
        assertThat(xy.last(0)).isCloseTo(-5.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sdm.lastState()).isEqualTo(SensorState.OK);
        assertThat(xy.lastState()).isEqualTo(SensorState.OK);
        assertThat(sdm.rejectLog).isEmpty();
        assertThat(xy.rejectLog).isEmpty();
        assertThat(ghost.rejectLog.stream().map(RecordingSink.Reject::reason).distinct().toList()).containsOnly("timeout");
    }

    @Test
    void theHostGoneAndBackIsDisconnectedThenOk() throws Exception {
        int port = freePort();
        sim = Simulator.start("devices.py", "--tcp", "" + port, "1:sdm630");
        RecordingSink sdm = start(ModbusSpecs.sdm630("sdm", tcp("127.0.0.1:" + port, 1, Duration.ofMillis(300),
                Duration.ofMillis(250))));
        await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.OK);
        sim.close();
        await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.DISCONNECTED);
        int before = sdm.values(0).size();
        Thread.sleep(1_500); // a few refused reconnects, backing off
        sim = Simulator.start("devices.py", "--tcp", "" + port, "1:sdm630");
        await().atMost(TEN_S).until(() -> sdm.lastState() == SensorState.OK && sdm.values(0).size() > before);
        assertThat(sdm.states).containsSubsequence(List.of(SensorState.OK, SensorState.DISCONNECTED, SensorState.OK));
        assertThat(drivers.get(0).thread().isAlive()).isTrue();
    }
}
