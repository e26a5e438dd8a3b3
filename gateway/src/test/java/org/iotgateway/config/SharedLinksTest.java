package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensors naming one serial port or TCP host: shared where the driver allows it, and only with one set of line settings. */
class SharedLinksTest {
    @TempDir
    Path dir;

    private static String sensors(String... params) {
        StringBuilder yaml = new StringBuilder("gateway: {id: g}\nsensors:\n");
        for (int i = 0; i < params.length; i++) {
            String driver = params[i].contains("parser") ? "serial" : "modbus";
            String channel = driver.equals("modbus") ? "{id: c, params: {register: 0}}" : "{id: c}";
            yaml.append("  - id: s").append(i).append("\n    driver: ").append(driver).append("\n    params: ")
                    .append(params[i]).append("\n    channels: [").append(channel).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void modbusSensorsShareABusWhenTheyAgree() throws Exception {
        GatewayConfig c = new ConfigFiles(dir).load(sensors("{port: /dev/ttyUSB0, unit: 1}",
                "{port: /dev/ttyUSB0, unit: 2, baud: 9600, interval: 1s}", "{host: \"127.0.0.1:1502\"}",
                "{host: \"127.0.0.1:1502\", unit: 2}"));
        assertThat(c.sensors()).hasSize(4);
    }

    @Test
    void aDisagreementIsShownAtTheSecondSensorsKey() throws Exception {
        assertThat(new ConfigFiles(dir).problems(sensors("{port: /dev/ttyUSB0, unit: 1}",
                "{port: /dev/ttyUSB0, unit: 2, baud: 19200, parity: even}"))).containsExactly(
                "gw.yaml:9:49: sensor 's1' uses serial port /dev/ttyUSB0, as does sensor 's0' (line 5), but with baud"
                        + " 19200 where 's0' has 9600; sensors on one link must agree on baud, data-bits, parity,"
                        + " stop-bits, echo",
                "gw.yaml:9:64: sensor 's1' uses serial port /dev/ttyUSB0, as does sensor 's0' (line 5), but with parity"
                        + " even where 's0' has none; sensors on one link must agree on baud, data-bits, parity,"
                        + " stop-bits, echo");
    }

    @Test
    void aSerialReaderKeepsItsPortToItself() throws Exception {
        assertThat(new ConfigFiles(dir).problems(sensors("{port: /dev/ttyUSB0, parser: nmea}",
                "{port: /dev/ttyUSB0, unit: 2}", "{port: /dev/ttyUSB0, parser: csv, fields: [a]}"))).containsExactly(
                "gw.yaml:9:20: sensor 's1' uses serial port /dev/ttyUSB0, as does sensor 's0' (line 5); a serial sensor"
                        + " needs its port to itself",
                "gw.yaml:13:20: sensor 's2' uses serial port /dev/ttyUSB0, as does sensor 's0' (line 5); a serial sensor"
                        + " needs its port to itself");
    }
}
