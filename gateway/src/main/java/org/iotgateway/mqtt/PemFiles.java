package org.iotgateway.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM certificates and private keys in the forms cloud providers issue: PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}), SEC1 EC ({@code EC PRIVATE KEY}),
 * and encrypted PKCS#8 (PBES2). Bouncy Castle only parses the ASN.1; the
 * JDK's own providers build and use the keys. Start-up thread only; reads files.
 */
final class PemFiles {
    private static final long MAX_BYTES = 1 << 20;

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file, String what) {
        checkSize(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (certs.isEmpty()) {
                throw new TlsSetupException(what + " " + file + ": no PEM certificate in it");
            }
            return certs;
        } catch (IOException e) {
            throw new TlsSetupException(what + " " + file + ": cannot read: " + e.getMessage());
        } catch (CertificateException e) {
            throw new TlsSetupException(what + " " + file + ": not a PEM certificate: " + e.getMessage());
        }
    }

    /** @param password the passphrase of an encrypted key, or null */
    static PrivateKey privateKey(Path file, char[] password) {
        checkSize(file, "mqtt.tls.key");
        Object pem;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(r)) {
            pem = parser.readObject();
        } catch (IOException e) {
            throw new TlsSetupException("mqtt.tls.key " + file + ": cannot read a PEM key: " + e.getMessage());
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (pem instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (pem instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return converter.getPrivateKey(Pbes2KeyDecryptor.decrypt(encrypted, requirePassword(file, password)));
            }
            if (pem instanceof PEMEncryptedKeyPair) {
                throw new TlsSetupException("mqtt.tls.key " + file + ": legacy OpenSSL key encryption (Proc-Type: 4,ENCRYPTED)"
                        + " is not supported; convert it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in OLD -out NEW");
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("mqtt.tls.key " + file + ": cannot decrypt the key: wrong passphrase?");
        } catch (UnsupportedOperationException e) {
            throw new TlsSetupException("mqtt.tls.key " + file + ": unsupported key encryption: " + e.getMessage());
        } catch (IOException e) {
            throw new TlsSetupException("mqtt.tls.key " + file + ": not a usable key: " + e.getMessage());
        }
        throw new TlsSetupException("mqtt.tls.key " + file + ": no private key in it (found "
                + (pem == null ? "nothing PEM" : pem.getClass().getSimpleName()) + ")");
    }

    private static char[] requirePassword(Path file, char[] password) {
        if (password == null) {
            throw new TlsSetupException("mqtt.tls.key " + file
                    + ": the key is encrypted; give its passphrase with key-password-file or key-password: ${VAR}");
        }
        return password;
    }

    private static void checkSize(Path file, String what) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TlsSetupException(what + " " + file + ": larger than 1 MB, not a PEM file");
            }
        } catch (IOException e) {
            throw new TlsSetupException(what + " " + file + ": cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
