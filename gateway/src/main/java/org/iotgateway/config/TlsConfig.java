package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;

/**
 * TLS material as PEM files, as cloud brokers hand them out.
 *
 * @param ca CA bundle that signs the broker's certificate (default: the system trust store)
 * @param cert client certificate (chain), for brokers that require one
 * @param key the client certificate's private key: PKCS#8, PKCS#1 RSA or SEC1 EC, plain or encrypted
 * @param keyPassword passphrase of an encrypted key; prefer {@code key-password-file} or {@code ${VAR}}
 * @param keyPasswordFile file holding the passphrase (e.g. a systemd credential), read at start
 * @param verifyHostname check that the broker's certificate names the host we connect to (default
 *        true); false is logged loudly at every start, since it lets anyone with a certificate from
 *        the same CA impersonate the broker
 */
public record TlsConfig(Path ca, Path cert, Path key, String keyPassword, Path keyPasswordFile,
                        Boolean verifyHostname) {
    public TlsConfig {
        check((cert == null) == (key == null), cert == null ? "cert" : "key",
                "'cert' and 'key' go together: give both or neither");
        check(keyPassword == null || keyPasswordFile == null, "key-password-file",
                "give 'key-password' or 'key-password-file', not both");
        check(key != null || (keyPassword == null && keyPasswordFile == null), "key-password",
                "'key-password' needs a 'key'");
        verifyHostname = verifyHostname == null || verifyHostname;
    }

    /** Keeps the passphrase out of logs. */
    @Override
    public String toString() {
        return "TlsConfig[ca=" + ca + ", cert=" + cert + ", key=" + key
                + ", keyPassword=" + (keyPassword == null ? "none" : "****")
                + ", keyPasswordFile=" + keyPasswordFile + ", verifyHostname=" + verifyHostname + "]";
    }
}
