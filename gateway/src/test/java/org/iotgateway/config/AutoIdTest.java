package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.iotgateway.identity.DeviceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway.id: auto} in the loader: resolved before binding, after ${VAR}, errors at its position. */
class AutoIdTest {
    @TempDir
    Path dir;

    private DeviceId device() {
        return new DeviceId(dir.resolve("gateway-id"), dir.resolve("cpuinfo"), dir.resolve("serial-number"),
                dir.resolve("machine-id"));
    }

    private ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env::get, device());
    }

    @Test
    void autoBecomesTheDevicesIdForEveryUseOfTheConfig() throws Exception {
        Files.writeString(dir.resolve("cpuinfo"), "Serial\t\t: 10000000a1b2c3d4\n");
        ConfigLoader.Loaded l = loader(Map.of()).parseLoaded("gw.yaml", "gateway: {id: auto}\n" + ConfigFiles.MINIMAL_SENSORS);
        assertThat(l.config().gateway().id()).isEqualTo("pi-10000000a1b2c3d4");
        assertThat(l.config().mqtt().clientIdFor(l.config().gateway().id())).isEqualTo("iot-gateway-pi-10000000a1b2c3d4");
        assertThat(l.autoId().source()).contains("serial number");
    }

    @Test
    void aVariableMayFallBackToAuto() throws Exception {
        Files.writeString(dir.resolve("gateway-id"), "from-file\n");
        String yaml = "gateway: {id: \"${GATEWAY_ID:-auto}\"}\n" + ConfigFiles.MINIMAL_SENSORS;
        assertThat(loader(Map.of()).parse("gw.yaml", yaml).gateway().id()).isEqualTo("from-file");
        ConfigLoader.Loaded named = loader(Map.of("GATEWAY_ID", "named-7")).parseLoaded("gw.yaml", yaml);
        assertThat(named.config().gateway().id()).isEqualTo("named-7");
        assertThat(named.autoId()).isNull();
    }

    @Test
    void noIdentityOnTheMachineIsAConfigErrorAtTheValue() {
        ConfigException e = catchThrowableOfType(() -> loader(Map.of()).parse("gw.yaml",
                "gateway:\n  id: auto\n" + ConfigFiles.MINIMAL_SENSORS), ConfigException.class);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).toString()).startsWith("gw.yaml:2:7: 'id: auto' found no identity on this machine");
    }
}
