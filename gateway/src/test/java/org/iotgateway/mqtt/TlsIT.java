package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iotgateway.config.MqttConfig;
import org.iotgateway.config.TlsConfig;
import org.iotgateway.testing.TestPki;
import org.iotgateway.testing.MosquittoBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real mosquitto TLS listener with certificates made by openssl: the broker is
 * verified (CA, validity, host name) and client certificates in every PEM key form are accepted;
 * each failure comes out as a sentence an operator can act on.
 */
class TlsIT {
    static final String HOST = "IP:127.0.0.1,DNS:localhost";
    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void makeCertificates() throws Exception {
        pki = new TestPki(dir);
        pki.ca("ca");
        pki.ca("other-ca");
        pki.cert("server", "ca", "broker", HOST, "rsa8", "now");
        pki.cert("server-wrong-host", "ca", "broker", "DNS:broker.example.invalid", "rsa8", "now");
        pki.cert("server-expired", "ca", "broker", HOST, "rsa8", "expired");
        pki.cert("client-rsa1", "ca", "gw-rsa1", "DNS:gw", "rsa", "now");
        pki.cert("client-rsa8", "ca", "gw-rsa8", "DNS:gw", "rsa8", "now");
        pki.cert("client-ec", "ca", "gw-ec", "DNS:gw", "ec", "now");
        pki.cert("client-ec8", "ca", "gw-ec8", "DNS:gw", "ec8", "now");
        pki.encrypt("client-rsa8", "s3cret-pass");
    }

    /** A real mosquitto whose one listener speaks TLS with the given server certificate. */
    static MosquittoBroker broker(String server, boolean requireClientCert) {
        return MosquittoBroker.create().withConfig("""
                certfile %s
                keyfile %s
                cafile %s
                require_certificate %s
                tls_version tlsv1.2
                """.formatted(pki.file(server + ".pem"), pki.file(server + ".key"), pki.file("ca.pem"),
                requireClientCert)).start();
    }

    static String ssl(MosquittoBroker b) {
        return "ssl://127.0.0.1:" + b.port();
    }

    static TlsConfig trust(String ca) {
        return new TlsConfig(pki.file(ca + ".pem"), null, null, null, null, null);
    }

    static TlsConfig client(String name, String key, String password) {
        return new TlsConfig(pki.file("ca.pem"), pki.file(name + ".pem"), pki.file(key), password, null, null);
    }

    /**
     * Connects once with the link the gateway builds (MQTT 5, the default); returns null on success,
     * else the failure.
     */
    static Throwable connect(String uri, TlsConfig tls) throws Exception {
        MqttConfig cfg = new MqttConfig(List.of(uri), "tls-it", null, null, tls, null, null, null, null);
        try (OneShotLink c = OneShotLink.open(cfg, "tls-it", Duration.ofSeconds(10))) {
            return c.failure();
        }
    }

    @Test
    void connectsWhenTheBrokerIsSignedByTheConfiguredCa() throws Exception {
        try (MosquittoBroker b = broker("server", false)) {
            assertThat(connect(ssl(b), trust("ca"))).as(b.log()).isNull();
        }
    }

    @Test
    void refusesABrokerSignedByAnotherCaAndSaysSo() throws Exception {
        try (MosquittoBroker b = broker("server", false)) {
            Throwable e = connect(ssl(b), trust("other-ca"));
            assertThat(TlsErrors.explain(e, "other-ca.pem")).contains("not signed by a trusted CA").contains("other-ca.pem");
        }
    }

    @Test
    void refusesAnExpiredBrokerCertificateAndSaysSo() throws Exception {
        try (MosquittoBroker b = broker("server-expired", false)) {
            assertThat(TlsErrors.explain(connect(ssl(b), trust("ca")), null)).contains("expired");
        }
    }

    @Test
    void refusesABrokerCertificateForAnotherHostAndSaysSo() throws Exception {
        try (MosquittoBroker b = broker("server-wrong-host", false)) {
            assertThat(TlsErrors.explain(connect(ssl(b), trust("ca")), null)).contains("hostname mismatch");
        }
    }

    @Test
    void hostnameVerificationCanOnlyBeSwitchedOffExplicitly() throws Exception {
        try (MosquittoBroker b = broker("server-wrong-host", false)) {
            TlsConfig off = new TlsConfig(pki.file("ca.pem"), null, null, null, null, false);
            assertThat(connect(ssl(b), off)).isNull();
        }
    }

    @Test
    void clientCertificatesWorkWithEveryPemKeyForm() throws Exception {
        try (MosquittoBroker b = broker("server", true)) {
            assertThat(connect(ssl(b), client("client-rsa1", "client-rsa1.key", null))).as("PKCS#1 RSA").isNull();
            assertThat(connect(ssl(b), client("client-rsa8", "client-rsa8.key", null))).as("PKCS#8 RSA").isNull();
            assertThat(connect(ssl(b), client("client-ec", "client-ec.key", null))).as("SEC1 EC").isNull();
            assertThat(connect(ssl(b), client("client-ec8", "client-ec8.key", null))).as("PKCS#8 EC").isNull();
            assertThat(connect(ssl(b), client("client-rsa8", "client-rsa8.enc.key", "s3cret-pass")))
                    .as("encrypted PKCS#8").isNull();
        }
    }

    @Test
    void aListenerThatRequiresClientCertificatesRefusesUsWithoutOne() throws Exception {
        try (MosquittoBroker b = broker("server", true)) {
            Throwable e = connect(ssl(b), trust("ca"));
            assertThat(e).isNotNull();
            assertThat(TlsErrors.explain(e, null)).as(String.valueOf(e.getCause())).contains("refused our client certificate");
        }
    }

    @Test
    void unusableClientKeysFailAtStartWithClearErrors() {
        assertThatThrownBy(() -> connect("ssl://127.0.0.1:1", client("client-rsa1", "client-ec.key", null)))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("does not match the certificate");
        assertThatThrownBy(() -> connect("ssl://127.0.0.1:1", client("client-rsa8", "client-rsa8.enc.key", "wrong")))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining("wrong\"");
        assertThatThrownBy(() -> connect("ssl://127.0.0.1:1", client("client-rsa8", "client-rsa8.enc.key", null)))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> connect("ssl://127.0.0.1:1", client("client-rsa1", "ca.pem", null)))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> connect("ssl://127.0.0.1:1", client("client-rsa1", "absent.key", null)))
                .isInstanceOf(TlsSetupException.class).hasMessageContaining("absent.key").hasMessageContaining("cannot read");
    }
}
