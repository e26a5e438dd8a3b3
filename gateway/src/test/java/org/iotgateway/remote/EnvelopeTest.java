package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The envelope's wire format: what the gateway accepts, what it refuses as malformed, and that
 * openssl and a shell make an envelope the gateway verifies (the documented recipe).
 */
class EnvelopeTest {
    static final String YAML = "gateway: {id: pi-1}\n# ünïcode stays byte for byte\n";

    @TempDir
    Path dir;

    @Test
    void aSignedEnvelopeRoundTripsAndVerifies() throws Exception {
        Path key = TestKeys.write(dir, "ops");
        Envelope e = Envelope.parse(TestKeys.signed(key, 42, YAML, "pi-1", "pi-2"));
        assertThat(e.version()).isEqualTo(42);
        assertThat(e.targets()).containsExactly("pi-1", "pi-2");
        assertThat(new String(e.yaml(), StandardCharsets.UTF_8)).isEqualTo(YAML);
        assertThat(e.isFor("pi-2")).isTrue();
        assertThat(e.isFor("pi-3")).isFalse();
        TrustedKeys.load(List.of(dir.resolve("ops.pub")), true).verify(e);
        assertThat(new String(e.signedBytes(), StandardCharsets.UTF_8))
                .isEqualTo("iot-gateway-config/1\n42\npi-1,pi-2\n" + YAML);
    }

    @Test
    void aStarTargetsEveryGateway() throws Exception {
        Envelope e = Envelope.parse(TestKeys.unsigned(1, YAML, "*"));
        assertThat(e.isFor("anything")).isTrue();
        assertThat(e.signed()).isFalse();
    }

    @Test
    void garbageIsRefusedAsMalformedSayingWhatIsWrong() {
        assertMalformed("not json at all", "not JSON");
        assertMalformed("[1,2]", "not a JSON object");
        assertMalformed("{\"format\":\"other/1\"}", "'format' must be");
        assertMalformed(json("\"version\":\"42\""), "'version' must be a whole number");
        assertMalformed(json("\"version\":0"), "'version' must be a whole number");
        assertMalformed(json("\"version\":4.5"), "'version' must be a whole number");
        assertMalformed(json("\"version\":1,\"target\":[]"), "'target' must list");
        assertMalformed(json("\"version\":1,\"target\":[\"a/b\"]"), "'target' must list");
        assertMalformed(json("\"version\":1,\"target\":\"pi-1\",\"yaml\":7"), "'yaml' must be base64 text");
        assertMalformed(json("\"version\":1,\"target\":\"pi-1\",\"yaml\":\"@@@\""), "'yaml' is not base64");
        assertMalformed(json("\"version\":1,\"target\":\"pi-1\",\"yaml\":\"\",\"key\":\"k\""), "'key' and 'signature' go together");
        byte[] huge = new byte[Envelope.MAX_BYTES + 1];
        assertThatThrownBy(() -> Envelope.parse(huge)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.getMessage()).contains("larger than"));
    }

    private static String json(String fields) {
        return "{\"format\":\"iot-gateway-config/1\"," + fields + "}";
    }

    private static void assertMalformed(String payload, String message) {
        assertThatThrownBy(() -> Envelope.parse(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(RefusalReason.MALFORMED);
                    assertThat(r.getMessage()).contains(message);
                });
    }

    /** The recipe of gateway/docs/remote-config.md, run: openssl makes the keys and the signature. */
    @Test
    void opensslMakesAnEnvelopeTheGatewayVerifies() throws Exception {
        Files.writeString(dir.resolve("gateway.yaml"), YAML);
        sh("openssl genpkey -algorithm ed25519 -out ops.key && openssl pkey -in ops.key -pubout -out ops.pub"
                + " && { printf 'iot-gateway-config/1\\n%s\\n%s\\n' 7 pi-1; cat gateway.yaml; } > signed.bin"
                + " && openssl pkeyutl -sign -rawin -inkey ops.key -in signed.bin | base64 -w0 > sig.b64"
                + " && openssl pkey -pubin -in ops.pub -outform DER | sha256sum | cut -c1-16 > key.id");
        String keyId = Files.readString(dir.resolve("key.id")).trim();
        String envelope = "{\"format\":\"iot-gateway-config/1\",\"version\":7,\"target\":[\"pi-1\"],\"yaml\":\""
                + Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("gateway.yaml"))) + "\",\"key\":\""
                + keyId + "\",\"signature\":\"" + Files.readString(dir.resolve("sig.b64")).trim() + "\"}";
        Envelope e = Envelope.parse(envelope.getBytes(StandardCharsets.UTF_8));
        TrustedKeys trusted = TrustedKeys.load(List.of(dir.resolve("ops.pub")), true);
        assertThat(trusted.ids()).as("openssl's DER hash is our key id").containsExactly(keyId);
        trusted.verify(e);
        // And the other way round: a key openssl made signs through our command line's loader.
        assertThat(SigningKey.load(dir.resolve("ops.key")).id()).isEqualTo(keyId);
    }

    private void sh(String script) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
