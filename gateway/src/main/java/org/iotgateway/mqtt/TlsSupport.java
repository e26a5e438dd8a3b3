package org.iotgateway.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.iotgateway.config.TlsConfig;

/** Builds the TLS socket factory for {@code ssl://} brokers. Start-up thread; reads files. */
final class TlsSupport {
    private TlsSupport() {
    }

    static boolean needsTls(List<String> brokers) {
        return brokers.stream().anyMatch(u -> u.startsWith("ssl://"));
    }

    /**
     * Trusts the PEM CA bundle {@code tls.ca} if given, else the JVM's default trust store.
     * Hostname verification stays on (set on the connect options).
     */
    static SSLSocketFactory socketFactory(TlsConfig tls) throws IOException, GeneralSecurityException {
        if (tls != null && tls.key() != null) {
            throw new IllegalArgumentException(
                    "mqtt.tls.cert/key: client certificates are not supported yet; remove them or use username/password");
        }
        if (tls == null || tls.ca() == null) {
            return SSLContext.getDefault().getSocketFactory();
        }
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(tls.ca())) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("mqtt.tls.ca: no PEM certificate found in " + tls.ca());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
            trust.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }
}
