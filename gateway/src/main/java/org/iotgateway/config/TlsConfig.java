package org.iotgateway.config;

import java.nio.file.Path;

/**
 * TLS material as PEM files.
 *
 * @param ca CA bundle that signs the broker's certificate (default: the system trust store)
 * @param cert client certificate, for brokers that require one
 * @param key the client certificate's private key
 */
public record TlsConfig(Path ca, Path cert, Path key) {
    public TlsConfig {
        org.iotgateway.driver.InvalidValueException.check((cert == null) == (key == null), cert == null ? "cert" : "key",
                "'cert' and 'key' go together: give both or neither");
    }
}
