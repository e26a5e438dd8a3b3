package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvSubstitutionTest {
    private static final String SECRET = "hunter2 very/secret";

    @TempDir
    Path dir;

    private static String withMqtt(String mqttLines) {
        return "gateway: {id: g}\nmqtt:\n" + mqttLines + ConfigFiles.MINIMAL_SENSORS;
    }

    @Test
    void variableDefaultAndEscape() throws Exception {
        GatewayConfig c = new ConfigFiles(dir, Map.of("USER", "alice", "EMPTY", "")).load(withMqtt("""
                  username: ${USER}
                  password: ${EMPTY:-fallback}
                  client-id: "$${NOT_A_VAR}-${MISSING:-x}"
                  broker: tcp://${HOST:-localhost}:1883
                """));

        assertThat(c.mqtt().username()).isEqualTo("alice");
        assertThat(c.mqtt().password()).isEqualTo("fallback");
        assertThat(c.mqtt().clientId()).isEqualTo("${NOT_A_VAR}-x");
        assertThat(c.mqtt().broker()).containsExactly("tcp://localhost:1883");
    }

    @Test
    void aValueWithYamlSyntaxStaysOneString() throws Exception {
        String tricky = "a: b\n- c # not a comment\n  qos: 0 }{";
        GatewayConfig c = new ConfigFiles(dir, Map.of("P", tricky)).load(withMqtt("  password: ${P}\n"));

        assertThat(c.mqtt().password()).isEqualTo(tricky);
        assertThat(c.mqtt().qos()).isEqualTo(1);
    }

    @Test
    void unsetVariableWithoutDefaultIsAnErrorAtItsValue() throws Exception {
        assertThat(new ConfigFiles(dir).problems(withMqtt("  qos: 1\n  password: ${MQTT_PASS}\n")))
                .containsExactly("gw.yaml:4:13: 'password': environment variable MQTT_PASS is not set "
                        + "(set it, or give a default: ${MQTT_PASS:-value})");
    }

    @Test
    void unterminatedAndInvalidReferences() throws Exception {
        assertThat(new ConfigFiles(dir).problems(withMqtt("  client-id: \"${OOPS\"\n  topic: \"${1X}/{sensor}/{channel}\"\n")))
                .containsExactly("gw.yaml:3:14: 'client-id' has an unterminated ${ (write $${ for a literal ${)",
                        "gw.yaml:4:10: 'topic': '1X' is not a variable name; write ${NAME} or ${NAME:-default}");
    }

    @Test
    void substitutedTextIsCheckedLikeAnyValue() throws Exception {
        assertThat(new ConfigFiles(dir, Map.of("QOS", "high")).problems(withMqtt("  qos: ${QOS}\n")))
                .containsExactly("gw.yaml:3:8: 'qos' must be a whole number, got 'high'");
    }

    @Test
    void secretValuesNeverAppearInErrors() throws Exception {
        ConfigFiles files = new ConfigFiles(dir, Map.of("P", SECRET, "CA", "/etc/" + SECRET + "\0.pem"));
        List<String> problems = files.problems("""
                gateway: {id: "${P}"}
                mqtt:
                  username: ["${P}"]
                  password: {x: "${P}"}
                  tls: {ca: "${CA}"}
                """ + ConfigFiles.MINIMAL_SENSORS);

        assertThat(String.join("\n", problems)).doesNotContain(SECRET).doesNotContain("hunter2");
        assertThat(problems).contains(
                "gw.yaml:3:13: 'username' must be text, got a list",
                "gw.yaml:4:13: 'password' must be text, got a mapping",
                "gw.yaml:5:13: 'ca' must be a file path, got (value hidden)");
        // The gateway id is not a secret path, but the same text is the password: scrubbed anyway.
        assertThat(problems.get(0)).as(problems.toString()).startsWith("gw.yaml:1:15: 'id' must be 1-64 characters").contains("'****'");
    }
}
