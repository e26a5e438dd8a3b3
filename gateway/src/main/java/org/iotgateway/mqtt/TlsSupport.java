package org.iotgateway.mqtt;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.iotgateway.config.TlsConfig;
import org.iotgateway.util.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the TLS socket factory for {@code ssl://} brokers: the broker verified against the PEM CA
 * bundle (or the system trust store), optionally our client certificate and key. TLS 1.2 and 1.3
 * only: Java 17 disables older protocols by default and we do not re-enable them. Start-up thread;
 * reads files; throws {@link TlsSetupException} with a message meant for the operator.
 */
final class TlsSupport {
    private static final Logger LOG = LoggerFactory.getLogger(TlsSupport.class);

    private TlsSupport() {
    }

    static boolean needsTls(List<String> brokers) {
        return brokers.stream().anyMatch(u -> u.startsWith("ssl://"));
    }

    /** Whether Paho should check the broker's host name; false only when explicitly configured. */
    static boolean verifyHostname(TlsConfig tls) {
        if (tls != null && !tls.verifyHostname()) {
            LOG.warn("mqtt.tls.verify-hostname is false: the broker's certificate is NOT checked against its host name; "
                    + "anyone holding a certificate from the same CA can pose as the broker");
            return false;
        }
        return true;
    }

    static SSLSocketFactory socketFactory(TlsConfig tls) throws GeneralSecurityException {
        TrustManager[] trust = tls == null || tls.ca() == null ? null : trustManagers(tls.ca());
        KeyManager[] keys = tls == null || tls.key() == null ? null : keyManagers(tls);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys, trust, null);
        return ctx.getSocketFactory();
    }

    private static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException {
        KeyStore trust = emptyStore();
        int i = 0;
        for (X509Certificate c : PemFiles.certificates(caFile, "mqtt.tls.ca")) {
            trust.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private static KeyManager[] keyManagers(TlsConfig tls) throws GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.certificates(tls.cert(), "mqtt.tls.cert");
        char[] passphrase = passphrase(tls);
        PrivateKey key = PemFiles.privateKey(tls.key(), passphrase);
        checkKeyMatches(key, chain.get(0), tls);
        warnIfNotValidNow(chain.get(0), tls.cert());
        char[] storePassword = new char[0];
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, storePassword, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, storePassword);
        return kmf.getKeyManagers();
    }

    private static char[] passphrase(TlsConfig tls) {
        if (tls.keyPasswordFile() != null) {
            return SecretFile.read(tls.keyPasswordFile(), "mqtt.tls.key-password-file").toCharArray();
        }
        return tls.keyPassword() == null ? null : tls.keyPassword().toCharArray();
    }

    /** Signs a random nonce and verifies it with the certificate's public key. */
    private static void checkKeyMatches(PrivateKey key, X509Certificate cert, TlsConfig tls) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new TlsSetupException("mqtt.tls.key " + tls.key() + ": " + key.getAlgorithm()
                    + " keys are not supported; use an RSA or EC key");
        };
        try {
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(nonce);
            byte[] sig = s.sign();
            s.initVerify(cert.getPublicKey());
            s.update(nonce);
            if (s.verify(sig)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: the same verdict
        }
        throw new TlsSetupException("mqtt.tls.key " + tls.key() + " does not match the certificate in mqtt.tls.cert "
                + tls.cert() + " (" + cert.getSubjectX500Principal().getName() + ")");
    }

    /** A Pi without an RTC may boot with a wrong clock: say so, but let the broker decide. */
    private static void warnIfNotValidNow(X509Certificate cert, Path file) {
        try {
            cert.checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.error("mqtt.tls.cert {}: the client certificate expired on {}; the broker will refuse it", file,
                    cert.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            LOG.error("mqtt.tls.cert {}: the client certificate is valid only from {} (is the clock right?)", file,
                    cert.getNotBefore().toInstant());
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }
}
