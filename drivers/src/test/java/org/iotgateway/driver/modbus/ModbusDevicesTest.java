package org.iotgateway.driver.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.iotgateway.driver.host.DeviceFinding;
import org.iotgateway.driver.host.HostTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iot-gateway check} for modbus sensors: an RTU bus's port as a serial port, a TCP host skipped. */
class ModbusDevicesTest {
    @TempDir
    Path root;

    @Test
    void anRtuBusPortIsCheckedLikeASerialPortAndATcpHostIsSkipped() {
        HostTree t = new HostTree(root);
        DeviceFinding rtu = ModbusDriver.devices(ModbusSpecs.xymd02("xy", ModbusParamsTest.rtu("/dev/ttyUSB3", 2)),
                t.host()).get(0);
        assertThat(rtu.line()).startsWith("/dev/ttyUSB3: does not exist; fix: plug the adapter in");
        DeviceFinding tcp = ModbusDriver.devices(ModbusSpecs.xymd02("plc", ModbusParamsTest.tcp("127.0.0.1:1502")),
                t.host()).get(0);
        assertThat(tcp.outcome()).isEqualTo(DeviceFinding.Outcome.SKIP);
        assertThat(tcp.subject()).isEqualTo("127.0.0.1:1502");
    }
}
