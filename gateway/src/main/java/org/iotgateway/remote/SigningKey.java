package org.iotgateway.remote;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.iotgateway.util.SetupException;

/**
 * The key a pusher signs with, and its id. The JDK cannot derive an Ed25519 public key from the
 * private one, so the public key comes from a {@code PUBLIC KEY} block in the key file itself
 * ({@code config keygen} writes one) or from the {@code .pub} file beside it ({@code ops.key},
 * {@code ops.pub}, as made with openssl); the two are checked to belong together. Reads files.
 *
 * @param id the key id the envelope names ({@link KeyFiles#keyId})
 */
public record SigningKey(PrivateKey key, String id) {
    /** @throws SetupException if the key or its public half cannot be read, or they do not match */
    public static SigningKey load(Path file) {
        PrivateKey key = KeyFiles.privateKey(file, "--key");
        PublicKey pub = publicHalf(file);
        if (!matches(key, pub)) {
            throw new SetupException("--key " + file + ": its public key (" + KeyFiles.keyId(pub) + ") does not belong"
                    + " to it");
        }
        return new SigningKey(key, KeyFiles.keyId(pub));
    }

    private static PublicKey publicHalf(Path file) {
        if (KeyFiles.has(file, "PUBLIC KEY")) {
            return KeyFiles.publicKey(file, "--key", true);
        }
        String name = file.getFileName().toString();
        Path pub = file.resolveSibling((name.endsWith(".key") ? name.substring(0, name.length() - 4) : name) + ".pub");
        if (!Files.isRegularFile(pub)) {
            throw new SetupException("--key " + file + ": no public key in it and no " + pub + " beside it (make one: "
                    + "openssl pkey -in " + file + " -pubout -out " + pub + ")");
        }
        return KeyFiles.publicKey(pub, "public key of --key");
    }

    private static boolean matches(PrivateKey key, PublicKey pub) {
        byte[] probe = "iot-gateway key check".getBytes(StandardCharsets.US_ASCII);
        return TrustedKeys.verifies(pub, probe, sign(key, probe));
    }

    /** The envelope, signed with this key. */
    public Envelope sign(Envelope e) {
        return e.withSignature(id, sign(key, e.signedBytes()));
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
