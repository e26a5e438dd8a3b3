package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iotgateway.testing.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config keygen} and {@code config sign} through the real jar: the key files (the private one
 * 0600, never overwritten), an envelope the gateway's trust anchor accepts, and the signature checked
 * from the other side with openssl over the bytes gateway/docs/remote-config.md says are signed.
 */
class SignCommandIT {
    static final String YAML = "gateway: {id: pi-1}\nsensors: [{id: s, driver: simulated, channels: [{id: c}]}]\n";

    @TempDir
    Path dir;

    @Test
    void keygenThenSignMakeAnEnvelopeTheTrustAnchorAndOpensslAccept() throws Exception {
        GatewayProcess keygen = GatewayProcess.run(dir, "config", "keygen", "--out", "ops");
        assertThat(keygen.exitValue()).as(keygen.allOutput()).isZero();
        String keyId = KeyFiles.keyId(KeyFiles.publicKey(dir.resolve("ops.pub"), "test"));
        assertThat(keygen.stdout()).containsExactly("key " + keyId + ": ops.key signs configs (keep it secret), ops.pub"
                + " goes into remote-config.trusted-keys");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ops.key"))))
                .isEqualTo("rw-------");
        String before = Files.readString(dir.resolve("ops.key"));
        GatewayProcess again = GatewayProcess.run(dir, "config", "keygen", "--out", "ops");
        assertThat(again.exitValue()).isEqualTo(2);
        assertThat(again.stderr()).contains("iot-gateway config keygen: ops.pub exists; not overwritten");
        assertThat(Files.readString(dir.resolve("ops.key"))).isEqualTo(before);

        Files.writeString(dir.resolve("gateway.yaml"), YAML);
        GatewayProcess sign = GatewayProcess.run(dir, "config", "sign", "--config", "gateway.yaml", "--to", "pi-1,pi-2",
                "--key", "ops.key", "--version", "42", "--output", "envelope.json");
        assertThat(sign.exitValue()).as(sign.allOutput()).isZero();
        assertThat(sign.stderr()).contains("version 42 for pi-1,pi-2, signed with key " + keyId);
        Envelope e = Envelope.parse(Files.readAllBytes(dir.resolve("envelope.json")));
        assertThat(e.version()).isEqualTo(42);
        assertThat(e.targets()).containsExactly("pi-1", "pi-2");
        assertThat(e.keyId()).isEqualTo(keyId);
        assertThat(new String(e.yaml(), StandardCharsets.UTF_8)).isEqualTo(YAML);
        TrustedKeys.load(List.of(dir.resolve("ops.pub")), true).verify(e);

        // The documented signed bytes, verified by openssl with the public key alone.
        Files.write(dir.resolve("signed.bin"), ("iot-gateway-config/1\n42\npi-1,pi-2\n" + YAML)
                .getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("sig.bin"), e.signature());
        assertThat(sh("openssl pkeyutl -verify -pubin -inkey ops.pub -rawin -in signed.bin -sigfile sig.bin"))
                .contains("Signature Verified Successfully");
        assertThat(Base64.getEncoder().encodeToString(e.signature())).hasSize(88);
    }

    @Test
    void signTakesAStarTargetAndPushRefusesIt() throws Exception {
        Files.writeString(dir.resolve("gateway.yaml"), YAML);
        GatewayProcess sign = GatewayProcess.run(dir, "config", "sign", "--config", "gateway.yaml", "--to", "*",
                "--version", "3");
        assertThat(sign.exitValue()).as(sign.allOutput()).isZero();
        assertThat(sign.stderr()).contains("version 3 for *, unsigned");
        Envelope e = Envelope.parse(String.join("\n", sign.stdout()).getBytes(StandardCharsets.UTF_8));
        assertThat(e.isFor("any-gateway")).isTrue();
        assertThat(e.signed()).isFalse();

        GatewayProcess push = GatewayProcess.run(dir, "config", "push", "--config", "gateway.yaml", "--to", "*",
                "--broker", "tcp://127.0.0.1:1");
        assertThat(push.exitValue()).isEqualTo(2);
        assertThat(push.stderr()).anySatisfy(l -> assertThat(l).contains("'*' only with config sign"));
    }

    private String sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
