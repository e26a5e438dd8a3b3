package org.iotgateway.remote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.io.IOException;

/** Ed25519 key pairs written as PEM files, the way {@code config keygen} writes them, for tests. */
public final class TestKeys {
    private TestKeys() {
    }

    /** A pair as {@code DIR/NAME.key} (private plus public block) and {@code DIR/NAME.pub}; returns the .key path. */
    public static Path write(Path dir, String name) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pub = KeyFiles.pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path key = dir.resolve(name + ".key");
        Files.writeString(key, KeyFiles.pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pub, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(name + ".pub"), pub, StandardCharsets.US_ASCII);
        return key;
    }

    /** An envelope of {@code yaml} signed with the key at {@code keyFile}. */
    public static byte[] signed(Path keyFile, long version, String yaml, String... targets) {
        Envelope e = new Envelope(version, java.util.List.of(targets), yaml.getBytes(StandardCharsets.UTF_8), null, null);
        return SigningKey.load(keyFile).sign(e).toJson();
    }

    /** An unsigned envelope. */
    public static byte[] unsigned(long version, String yaml, String... targets) {
        return new Envelope(version, java.util.List.of(targets), yaml.getBytes(StandardCharsets.UTF_8), null, null).toJson();
    }
}
