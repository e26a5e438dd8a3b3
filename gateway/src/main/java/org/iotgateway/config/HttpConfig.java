package org.iotgateway.config;

import static org.iotgateway.driver.InvalidValueException.check;

import java.nio.file.Path;
import org.iotgateway.driver.InvalidValueException;

/**
 * The local status page and its {@code /metrics} and {@code /health} endpoints. Without an
 * {@code http} section there is no server; with one it runs unless {@code enabled: false}.
 * Anything but a loopback address needs basic auth, so the page is never open to a network by
 * accident; the password only ever comes from a file (no password key: none can be written into
 * the YAML).
 *
 * @param enabled {@code false} keeps the section but runs no server (default true)
 * @param listen an IPv4 address, {@code [IPv6]} or {@code localhost}, and a port (0: any free one,
 *        logged); anything but loopback needs {@code username} and {@code password-file}
 *        (default {@code 127.0.0.1:8080})
 * @param username basic-auth user; give it with {@code password-file}
 * @param passwordFile file holding the basic-auth password (a 0640 file, a systemd credential), read at
 *        start; an unreadable one stops start-up (exit status 2)
 */
public record HttpConfig(Boolean enabled, String listen, String username, Path passwordFile) {
    public static final String DEFAULT_LISTEN = "127.0.0.1:8080";

    public HttpConfig {
        enabled = enabled == null || enabled;
        listen = listen == null ? DEFAULT_LISTEN : listen;
        ListenAddress address;
        try {
            address = ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("listen", "'listen' " + e.getMessage());
        }
        username = username == null || username.isEmpty() ? null : username;
        check((username == null) == (passwordFile == null), username == null ? "password-file" : "username",
                "'username' and 'password-file' go together: give both or neither");
        check(address.loopback() || username != null, "listen", "'listen' " + address + " is reachable from other "
                + "machines: set 'username' and 'password-file' so the page asks for a password (or listen on 127.0.0.1)");
    }

    /** No section: no server. */
    public static HttpConfig disabled() {
        return new HttpConfig(false, null, null, null);
    }

    public ListenAddress address() {
        return ListenAddress.parse(listen);
    }

    public boolean authenticated() {
        return username != null;
    }
}
