package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import org.iotgateway.config.TlsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSupportTest {
    @TempDir
    Path dir;

    @Test
    void onlySslUrisNeedTls() {
        assertThat(TlsSupport.needsTls(List.of("tcp://a:1883"))).isFalse();
        assertThat(TlsSupport.needsTls(List.of("tcp://a:1883", "ssl://b:8883"))).isTrue();
    }

    @Test
    void loadsAPemCaBundle() throws Exception {
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, pem(someJdkCaCertificate()) + pem(someJdkCaCertificate()));
        assertThat(TlsSupport.socketFactory(new TlsConfig(pem, null, null, null, null, null))).isNotNull();
        assertThat(TlsSupport.socketFactory(null)).isNotNull();
    }

    @Test
    void rejectsAFileWithoutCertificatesAndAMissingClientCertClearly() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TlsSupport.socketFactory(new TlsConfig(empty, null, null, null, null, null)))
                .hasMessageContaining("no PEM certificate");
        Path p = dir.resolve("x.pem");
        assertThatThrownBy(() -> TlsSupport.socketFactory(new TlsConfig(null, p, p, null, null, null)))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("x.pem").hasMessageContaining("cannot read");
    }

    private static Certificate someJdkCaCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib/security/cacerts"))) {
            ks.load(in, null);
        }
        return ks.getCertificate(ks.aliases().nextElement());
    }

    private static String pem(Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
