package org.iotgateway.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.util.SetupException;

/**
 * Ed25519 keys as PEM files, the forms {@code openssl genpkey -algorithm ed25519} and
 * {@code openssl pkey -pubout} write: PKCS#8 {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY}. The
 * JDK's own EdDSA provider reads and writes them; no library needed. Reads files: start-up, reload
 * and command-line threads.
 */
public final class KeyFiles {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final long MAX_BYTES = 64 * 1024;

    private KeyFiles() {
    }

    /** @throws SetupException naming {@code what} and the file when it is not an Ed25519 public key */
    public static PublicKey publicKey(Path file, String what) {
        return publicKey(file, what, false);
    }

    /**
     * @param privateAllowed false for a trust anchor: a file that holds a private key too is refused,
     *        since that key must stay off the gateways
     */
    static PublicKey publicKey(Path file, String what, boolean privateAllowed) {
        byte[] der = der(file, "PUBLIC KEY", what);
        if (!privateAllowed && has(file, "PRIVATE KEY")) {
            throw new SetupException(what + " " + file + ": holds a private key; give the public key alone (NAME.pub):"
                    + " the private key signs configs and must stay off the gateways");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SetupException(what + " " + file + ": not an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    /** @throws SetupException naming {@code what} and the file when it is not an Ed25519 private key */
    public static PrivateKey privateKey(Path file, String what) {
        byte[] der = der(file, "PRIVATE KEY", what);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SetupException(what + " " + file + ": not an unencrypted Ed25519 private key (" + e.getMessage()
                    + ")");
        }
    }

    /**
     * A key's id: the first 16 hex digits of the SHA-256 of its DER form, as
     * {@code openssl pkey -pubin -in KEY.pub -outform DER | sha256sum | cut -c1-16} prints it.
     */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** True when {@code file} has a PEM block of {@code type} (read before, so it is readable). */
    static boolean has(Path file, String type) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).contains("-----BEGIN " + type + "-----");
        } catch (IOException e) {
            return false;
        }
    }

    /** PEM text of a DER structure, 64 characters a line, as openssl writes it. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type, String what) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SetupException(what + " " + file + ": larger than 64 kB, not a PEM key");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SetupException(what + " " + file + ": cannot read: " + reason(e));
        }
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    return Base64.getMimeDecoder().decode(m.group(2));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new SetupException(what + " " + file + ": no PEM '" + type + "' block in it"
                + (type.equals("PRIVATE KEY") && text.contains("ENCRYPTED") ? " (encrypted keys are not supported)" : ""));
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
