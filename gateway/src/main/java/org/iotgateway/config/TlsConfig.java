package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;

/**
 * TLS material as PEM files, as cloud brokers hand them out.
 *
 * @param ca PEM CA bundle that signs the broker's certificate (default: the system trust store)
 * @param cert PEM client certificate (chain), for brokers that require one; give {@code key} with it
 * @param key PEM private key of {@code cert}: PKCS#8, PKCS#1 RSA, SEC1 EC, or encrypted PKCS#8; give
 *        {@code cert} with it
 * @param keyPassword passphrase of an encrypted key; use {@code ${VAR}} or {@code key-password-file};
 *        never shown
 * @param keyPasswordFile file holding the passphrase (a systemd credential, a 0600 file), read at start
 * @param verifyHostname check the broker's certificate against its host name; {@code false} is logged as
 *        a warning at every start, since it lets anyone with a certificate from the same CA impersonate
 *        the broker (default true)
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
