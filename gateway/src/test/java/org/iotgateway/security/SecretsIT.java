package org.iotgateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.TestSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret: whatever the gateway prints — a run refused by the broker, an invalid config,
 * validate, a TLS key with a wrong passphrase — never contains a password or passphrase. And the
 * ways to keep them out of the YAML (${VAR}, password-file) really work against a real broker.
 */
class SecretsIT {
    static final String PASSWORD = "Zq8-pw-never-printed";
    static final String WRONG = "Wr0ng-pw-never-printed";

    @TempDir
    Path dir;

    /**
     * A mosquitto whose listener on {@code port} requires user "gw" with {@link #PASSWORD}; a second,
     * anonymous listener on {@code port + 1} serves the test's subscriber.
     */
    Process authBroker(int port) throws Exception {
        Path pw = dir.resolve("passwd");
        Process mk = new ProcessBuilder("mosquitto_passwd", "-b", "-c", pw.toString(), "gw", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(mk.waitFor(20, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mosquitto_passwd").isTrue();
        Path conf = dir.resolve("auth.conf");
        Files.writeString(conf, """
                per_listener_settings true
                user %s
                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                listener %d 127.0.0.1
                allow_anonymous true
                """.formatted(System.getProperty("user.name"), port, pw, port + 1));
        Process p = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("auth.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> portOpen(port) && portOpen(port + 1));
        return p;
    }

    Path config(int port, String passwordLines) throws Exception {
        Path file = dir.resolve("gw.yaml");
        Files.writeString(file, """
                gateway: {id: sec}
                mqtt:
                  broker: tcp://127.0.0.1:%d
                  username: gw
                %s
                outbox: {path: state/outbox}
                sensors:
                  - id: s
                    driver: simulated
                    params: {rate: 20}
                    channels: [{id: c, window: 1s}]
                """.formatted(port, passwordLines));
        return file;
    }

    @Test
    void aRunRefusedByTheBrokerPrintsNoPassword() throws Exception {
        int port = freePort();
        Process broker = authBroker(port);
        try (GatewayProcess gw = GatewayProcess.start(dir, Map.of("MQTT_PASSWORD", WRONG), "run", "--config",
                config(port, "  password: ${MQTT_PASSWORD}").toString())) {
            await().atMost(Duration.ofSeconds(90)).until(() -> String.join("\n", gw.stderr()).contains("unreachable"));
            gw.stop();
            assertThat(gw.allOutput()).containsIgnoringCase("not authorized").doesNotContain(WRONG);
        } finally {
            broker.destroyForcibly();
        }
    }

    @Test
    void passwordFileAndEnvironmentBothLogInAndNeverShow() throws Exception {
        int port = freePort();
        Process broker = authBroker(port);
        try (TestSubscriber sub = TestSubscriber.subscribe("tcp://127.0.0.1:" + (port + 1), "sensors/sec/+/+")) {
            Path secret = Files.writeString(dir.resolve("mqtt-password"), PASSWORD + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            for (String lines : new String[] {"  password-file: " + secret, "  password: ${MQTT_PASSWORD}"}) {
                int before = sub.seqs().size();
                try (GatewayProcess gw = GatewayProcess.start(dir, Map.of("MQTT_PASSWORD", PASSWORD), "run",
                        "--config", config(port, lines).toString())) {
                    await().atMost(Duration.ofSeconds(90)).until(() -> sub.seqs().size() > before);
                    gw.stop();
                    assertThat(gw.allOutput()).as(lines).doesNotContain(PASSWORD);
                }
            }
        } finally {
            broker.destroyForcibly();
        }
    }

    @Test
    void invalidConfigsAndValidateNeverEchoASecret() throws Exception {
        Map<String, String> env = Map.of("MQTT_PASSWORD", PASSWORD);
        // The secret also lands in a key of the wrong type: its error must still not show it.
        Path bad = config(1, "  password: ${MQTT_PASSWORD}\n  qos: ${MQTT_PASSWORD}\n  keep-alive: " + PASSWORD);
        GatewayProcess invalid = GatewayProcess.run(dir, env, "validate", "--config", bad.toString());
        assertThat(invalid.exitValue()).isEqualTo(2);
        assertThat(invalid.allOutput()).contains("qos").doesNotContain(PASSWORD);

        GatewayProcess ok = GatewayProcess.run(dir, env, "validate", "--config",
                config(1, "  password: ${MQTT_PASSWORD}").toString());
        assertThat(ok.exitValue()).isZero();
        assertThat(ok.allOutput()).doesNotContain(PASSWORD);
    }

    @Test
    void aWorldReadableConfigWithALiteralPasswordIsWarnedAboutWithoutShowingIt() throws Exception {
        Path cfg = config(1, "  password: " + PASSWORD);
        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-r--r--"));
        GatewayProcess p = GatewayProcess.run(dir, "validate", "--config", cfg.toString());
        assertThat(p.exitValue()).isZero();
        assertThat(p.allOutput()).contains("mqtt.password literally and other users can read it").doesNotContain(PASSWORD);

        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(GatewayProcess.run(dir, "validate", "--config", cfg.toString()).allOutput())
                .doesNotContain("other users can read it");
    }

    @Test
    void aWrongKeyPassphraseStopsStartUpClearlyWithoutShowingIt() throws Exception {
        Path key = dir.resolve("client.key");
        Path enc = dir.resolve("client.enc.key");
        exec("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.toString());
        exec("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", key.toString(), "-out", enc.toString(),
                "-passout", "pass:" + PASSWORD);
        exec("openssl", "req", "-x509", "-key", key.toString(), "-subj", "/CN=gw", "-days", "2",
                "-out", dir.resolve("client.pem").toString());
        Path cfg = dir.resolve("tls.yaml");
        Files.writeString(cfg, """
                gateway: {id: sec}
                mqtt:
                  broker: ssl://127.0.0.1:1
                  tls: {cert: client.pem, key: client.enc.key, key-password: "${KEY_PASS}"}
                outbox: {path: state/outbox}
                sensors: [{id: s, driver: simulated, channels: [{id: c}]}]
                """);
        GatewayProcess p = GatewayProcess.run(dir, Map.of("KEY_PASS", WRONG), "run", "--config", "tls.yaml");
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(p.allOutput()).contains("tls.yaml: mqtt.tls.key").contains("wrong passphrase")
                .doesNotContain(WRONG).doesNotContain(PASSWORD).doesNotContain("Exception");
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
    }

    /** A free port whose successor is free too. */
    private static int freePort() throws Exception {
        while (true) {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            if (port < 65535 && !portOpen(port + 1)) {
                return port;
            }
        }
    }

    private static boolean portOpen(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
