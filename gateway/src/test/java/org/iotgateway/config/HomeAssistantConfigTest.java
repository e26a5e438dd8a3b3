package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeAssistantConfigTest {
    @TempDir
    Path dir;
    ConfigFiles files;

    @BeforeEach
    void setUp() {
        files = new ConfigFiles(dir);
    }

    @Test
    void offByDefaultWithHomeAssistantsOwnPrefix() throws Exception {
        GatewayConfig cfg = files.load(ConfigFiles.DEMO);
        assertThat(cfg.homeassistant().enabled()).isFalse();
        assertThat(cfg.homeassistant().prefix()).isEqualTo("homeassistant");
        GatewayConfig on = files.load("homeassistant: {enabled: true, prefix: ha/discovery}\n" + ConfigFiles.DEMO);
        assertThat(on.homeassistant()).isEqualTo(new HomeAssistantConfig(true, "ha/discovery"));
    }

    @Test
    void aPrefixWithWildcardsOrEmptyLevelsIsRefusedAtItsPosition() throws Exception {
        assertThat(files.problems("homeassistant: {enabled: true, prefix: \"ha/#\"}\n" + ConfigFiles.MINIMAL_SENSORS + "gateway: {id: g}\n"))
                .singleElement().asString().startsWith("gw.yaml:1:40: 'prefix' must be an MQTT topic without wildcards");
        assertThat(files.problems("homeassistant:\n  prefix: a//b\n" + ConfigFiles.MINIMAL_SENSORS + "gateway: {id: g}\n"))
                .singleElement().asString().startsWith("gw.yaml:2:11: 'prefix' must be");
        assertThat(files.problems("homeassistant: {enable: true}\n" + ConfigFiles.MINIMAL_SENSORS + "gateway: {id: g}\n"))
                .containsExactly("gw.yaml:1:17: unknown key 'enable' in homeassistant; did you mean 'enabled'?");
    }

    @Test
    void channelsThatWouldShareADiscoveryTopicAreRefusedOnlyWhenDiscoveryIsOn() throws Exception {
        String clash = """
                gateway: {id: g}
                sensors:
                  - id: a.b
                    driver: simulated
                    channels: [{id: c}]
                  - id: a_b
                    driver: simulated
                    channels: [{id: c}]
                """;
        assertThat(files.load(clash).sensors()).hasSize(2);
        assertThat(files.problems("homeassistant: {enabled: true}\n" + clash)).containsExactly(
                "gw.yaml:1:16: channels a.b/c and a_b/c get the same Home Assistant object id 'a_b_c' "
                        + "('.' becomes '_'); rename one");
    }

    @Test
    void discoveryIdsKeepOnlyTheCharactersHomeAssistantAllows() {
        assertThat(HomeAssistantConfig.nodeId("pi.greenhouse-01")).isEqualTo("pi_greenhouse-01");
        assertThat(HomeAssistantConfig.objectId("pms", "pm2.5")).isEqualTo("pms_pm2_5");
    }
}
