package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.util.SetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each signature verdict, and key files that cannot serve as a trust anchor. */
class TrustedKeysTest {
    static final String YAML = "gateway: {id: pi-1}\n";

    @TempDir
    Path dir;

    @Test
    void eachSignatureProblemHasItsReason() throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        Path stranger = TestKeys.write(dir, "stranger");
        TrustedKeys trusted = TrustedKeys.load(List.of(dir.resolve("ops.pub")), true);

        trusted.verify(Envelope.parse(TestKeys.signed(ops, 1, YAML, "pi-1")));
        assertRefused(trusted, TestKeys.unsigned(1, YAML, "pi-1"), RefusalReason.UNSIGNED);
        assertRefused(trusted, TestKeys.signed(stranger, 1, YAML, "pi-1"), RefusalReason.UNKNOWN_KEY);
        // The signature covers version, targets and YAML: changing any of them breaks it.
        Envelope good = Envelope.parse(TestKeys.signed(ops, 1, YAML, "pi-1"));
        assertRefused(trusted, new Envelope(2, good.targets(), good.yaml(), good.keyId(), good.signature()).toJson(),
                RefusalReason.BAD_SIGNATURE);
        assertRefused(trusted, new Envelope(1, List.of("*"), good.yaml(), good.keyId(), good.signature()).toJson(),
                RefusalReason.BAD_SIGNATURE);
        assertRefused(trusted, new Envelope(1, good.targets(), (YAML + "#").getBytes(StandardCharsets.UTF_8),
                good.keyId(), good.signature()).toJson(), RefusalReason.BAD_SIGNATURE);
        assertRefused(trusted, new Envelope(1, good.targets(), good.yaml(), good.keyId(), new byte[3]).toJson(),
                RefusalReason.BAD_SIGNATURE);
    }

    @Test
    void unsignedPassesOnlyWhenSignaturesAreNotRequired() throws Exception {
        TrustedKeys lax = TrustedKeys.load(List.of(), false);
        lax.verify(Envelope.parse(TestKeys.unsigned(1, YAML, "pi-1")));
        Path ops = TestKeys.write(dir, "ops");
        assertRefused(lax, TestKeys.signed(ops, 1, YAML, "pi-1"), RefusalReason.UNKNOWN_KEY);
    }

    @Test
    void aKeyFileThatIsNotAnEd25519PublicKeyStopsStartUpNamingIt() throws Exception {
        Path missing = dir.resolve("missing.pub");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(missing), true)).isInstanceOf(SetupException.class)
                .hasMessage("remote-config.trusted-keys: " + missing + ": cannot read: no such file");
        Path priv = TestKeys.write(dir, "ops");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(dir.resolve("ops.key")), true)).isInstanceOf(SetupException.class)
                .hasMessageContaining("holds a private key; give the public key alone");
        Path rsa = dir.resolve("rsa.pub");
        Files.writeString(rsa, "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n"
                + "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> TrustedKeys.load(List.of(rsa), true)).isInstanceOf(SetupException.class)
                .hasMessageContaining(rsa + ": not an Ed25519 public key");
        assertThat(priv).exists();
    }

    private static void assertRefused(TrustedKeys keys, byte[] envelope, RefusalReason reason) throws Refused {
        Envelope e = Envelope.parse(envelope);
        assertThatThrownBy(() -> keys.verify(e)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
    }
}
