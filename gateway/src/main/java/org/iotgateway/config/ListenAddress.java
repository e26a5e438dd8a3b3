package org.iotgateway.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a local server listens: an IP address and a port, parsed from {@code HOST:PORT}. HOST is an
 * IPv4 address, a bracketed IPv6 address or {@code localhost} (taken as 127.0.0.1), never a name to
 * look up: validation at load does no I/O, and a server binds to an interface's address anyway.
 * Pure.
 *
 * @param address the address to bind
 * @param port 0 to 65535; 0 takes any free port
 */
public record ListenAddress(InetAddress address, int port) {
    private static final Pattern FORM = Pattern.compile("(localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");

    /** @throws IllegalArgumentException with a message for the person editing the YAML */
    public static ListenAddress parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("must be IP:PORT (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080), got '" + text + "'");
        }
        int port = Integer.parseInt(m.group(2));
        if (port > 65535) {
            throw new IllegalArgumentException("port must be at most 65535, got " + port);
        }
        String host = m.group(1);
        try {
            // A literal (checked above) is parsed, never looked up.
            return new ListenAddress(InetAddress.getByName(host.equals("localhost") ? "127.0.0.1" : host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address", e);
        }
    }

    /** Reachable from this machine only (127.0.0.0/8, ::1). */
    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}: as written in a URL. */
    @Override
    public String toString() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
