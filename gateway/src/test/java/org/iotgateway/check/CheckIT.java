package org.iotgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iot-gateway check} through the real jar against real mosquitto brokers: a good one, one whose
 * ACL lacks one channel's topic (MQTT 5 and 3.1.1), a wrong password, a CA that did not sign the
 * broker. Each must print the right line with its fix, and exit 0 or 1 (2 for a config error).
 */
class CheckIT {
    @TempDir
    static Path pkiDir;
    static TestPki pki;
    @TempDir
    Path dir;

    static final String DENIED = "sensors/gw-c/env/humidity";

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(pkiDir);
        pki.ca("ca");
        pki.ca("other-ca");
        pki.cert("server", "ca", "broker", "IP:127.0.0.1,DNS:localhost", "rsa8", "now");
    }

    private Path config(String broker, String mqttExtra) throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, """
                gateway: {id: gw-c}
                mqtt:
                  broker: %s
                %s
                sensors:
                  - id: env
                    driver: simulated
                    channels:
                      - id: temperature
                      - id: humidity
                """.formatted(broker, mqttExtra.indent(2).stripTrailing()));
        return f;
    }

    private MosquittoBroker partialAcl() throws Exception {
        Path acl = dir.resolve("acl");
        Files.writeString(acl, "topic read sensors/#\ntopic write sensors/gw-c/status\n"
                + "topic write sensors/gw-c/env/temperature\n");
        return MosquittoBroker.create().withConfig("acl_file " + acl).start();
    }

    private GatewayProcess check(Path config) throws Exception {
        GatewayProcess p = GatewayProcess.run(dir, "check", "--config", config.toString());
        Files.write(dir.resolve("transcript.txt"), p.stdout());
        return p;
    }

    @Test
    void aGoodBrokerPassesEveryLineAndExits0() throws Exception {
        try (MosquittoBroker b = MosquittoBroker.started()) {
            GatewayProcess p = check(config(b.uri(), ""));
            assertThat(p.exitValue()).as(p.allOutput()).isZero();
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    broker " + b.uri()
                    + ": connected with MQTT 5"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    topic " + DENIED
                    + ": publish permitted"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    topic sensors/gw-c/status:"));
            assertThat(p.stdout()).noneSatisfy(l -> assertThat(l).startsWith("FAIL"));
        }
    }

    @Test
    void underMqtt5AnAclMissingOneChannelsTopicIsNamedWithItsFix() throws Exception {
        try (MosquittoBroker b = partialAcl()) {
            GatewayProcess p = check(config(b.uri(), ""));
            System.out.println(String.join("\n", p.stdout()));
            assertThat(p.exitValue()).as(p.allOutput()).isEqualTo(1);
            List<String> out = p.stdout();
            int fail = out.indexOf(out.stream().filter(l -> l.startsWith("FAIL  topic " + DENIED)).findFirst()
                    .orElseThrow());
            assertThat(out.get(fail)).contains("0x87 not authorized");
            assertThat(out.get(fail + 1)).startsWith("      fix: allow this client to publish to " + DENIED)
                    .contains("topic write " + DENIED);
            assertThat(out).anySatisfy(l -> assertThat(l).startsWith("ok    topic sensors/gw-c/env/temperature"));
            assertThat(out).filteredOn(l -> l.startsWith("FAIL")).hasSize(1);
        }
    }

    @Test
    void underMqtt311TheDeniedTopicIsFoundBecauseTheProbeNeverComesBack() throws Exception {
        try (MosquittoBroker b = partialAcl()) {
            GatewayProcess p = check(config(b.uri(), "version: 3.1.1"));
            System.out.println(String.join("\n", p.stdout()));
            assertThat(p.exitValue()).as(p.allOutput()).isEqualTo(1);
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("FAIL  topic " + DENIED)
                    .contains("did not come back").contains("or this user may not read it"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    topic sensors/gw-c/env/temperature")
                    .contains("the probe came back"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("skip  broker " + b.uri() + " limits"));
        }
    }

    /** The README's mosquitto ACL example, verbatim, for user gw of gateway gw-c, with discovery on. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"5", "3.1.1"})
    void theReadmesMosquittoAclExamplePasses(String version) throws Exception {
        Path passwd = dir.resolve("passwd");
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwd.toString(), "gw", "secret").inheritIO().start()
                .waitFor();
        Path acl = dir.resolve("acl");
        Files.writeString(acl, """
                user gw
                topic write sensors/gw-c/#
                topic read sensors/gw-c/#
                topic write homeassistant/sensor/gw-c/#
                topic read homeassistant/sensor/gw-c/#
                """);
        try (MosquittoBroker b = MosquittoBroker.create().withConfig("allow_anonymous false\npassword_file " + passwd
                + "\nacl_file " + acl).start()) {
            Path config = config(b.uri(), "version: " + version + "\nusername: gw\npassword: secret");
            Files.writeString(config, Files.readString(config) + "homeassistant: {enabled: true}\n");
            GatewayProcess p = check(config);
            assertThat(p.exitValue()).as(p.allOutput()).isZero();
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("ok    topic homeassistant/sensor/gw-c/"));
            assertThat(p.stdout()).filteredOn(l -> l.startsWith("ok    topic ")).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() throws Exception {
        Path passwd = dir.resolve("passwd");
        new ProcessBuilder("mosquitto_passwd", "-b", "-c", passwd.toString(), "gw", "right").inheritIO().start()
                .waitFor();
        try (MosquittoBroker b = MosquittoBroker.create().withConfig("allow_anonymous false\npassword_file " + passwd)
                .start()) {
            GatewayProcess p = check(config(b.uri(), "username: gw\npassword: wrong"));
            assertThat(p.exitValue()).as(p.allOutput()).isEqualTo(1);
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("FAIL  broker " + b.uri()
                    + ": authentication failed (0x87 not authorized): bad user name or password"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith(
                    "      fix: check mqtt.username and mqtt.password (or password-file)"));
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("skip  broker " + b.uri() + " topics"));
        }
    }

    @Test
    void aCaThatDidNotSignTheBrokerIsATlsFailure() throws Exception {
        try (MosquittoBroker b = MosquittoBroker.create().withConfig("""
                certfile %s
                keyfile %s
                """.formatted(pki.file("server.pem"), pki.file("server.key"))).start()) {
            String uri = "ssl://127.0.0.1:" + b.port();
            GatewayProcess p = check(config(uri, "tls: {ca: " + pki.file("other-ca.pem") + "}"));
            assertThat(p.exitValue()).as(p.allOutput()).isEqualTo(1);
            assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("FAIL  broker " + uri
                    + ": TLS handshake failed").contains("not signed by a trusted CA"));
        }
    }

    @Test
    void anUnreachableBrokerIsNamedAndAConfigErrorExits2() throws Exception {
        GatewayProcess p = check(config("tcp://127.0.0.1:1", ""));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(p.stdout()).anySatisfy(l -> assertThat(l).startsWith("FAIL  broker tcp://127.0.0.1:1: TCP connection"));
        GatewayProcess bad = check(config("tcp://127.0.0.1:1", "version: 4"));
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(bad.stderr()).anySatisfy(l -> assertThat(l).contains("'version' must be 5 or 3.1.1"));
    }
}
