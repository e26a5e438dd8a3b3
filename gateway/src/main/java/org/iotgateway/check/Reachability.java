package org.iotgateway.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;

/** DNS and TCP: can this machine open a socket to the broker at all? Blocks up to its timeout. */
final class Reachability {
    private static final int TIMEOUT_MILLIS = 5_000;

    private Reachability() {
    }

    /** One line: reachable, or why not with its fix. */
    static CheckResult check(String uri) {
        String subject = "broker " + uri;
        URI u = URI.create(uri);
        String host = u.getHost();
        int port = u.getPort() > 0 ? u.getPort() : "ssl".equals(u.getScheme()) ? 8883 : 1883;
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return CheckResult.fail(subject, "cannot resolve " + host, "check the host name in mqtt.broker and this"
                    + " machine's DNS (/etc/resolv.conf)");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), TIMEOUT_MILLIS);
            return CheckResult.ok(subject, "reachable (" + address.getHostAddress() + ":" + port + ")");
        } catch (IOException e) {
            return CheckResult.fail(subject, "TCP connection to " + address.getHostAddress() + ":" + port + " failed: "
                    + e.getMessage(), "is the broker running and listening on port " + port
                    + "? Is a firewall in the way?");
        }
    }
}
