package org.iotgateway.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto with one TLS listener on a free 127.0.0.1 port, serving the given certificate;
 * optionally requiring client certificates signed by {@code clientCa}.
 */
public final class TlsBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    public TlsBroker(Path dir, Path ca, Path cert, Path key, Path clientCa) throws Exception {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto-" + port + ".conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                certfile %s
                keyfile %s
                cafile %s
                require_certificate %s
                tls_version tlsv1.2
                user %s
                """.formatted(port, cert, key, clientCa != null ? clientCa : ca, clientCa != null,
                // Started as root, mosquitto drops to user "mosquitto", which cannot read our temp dir.
                System.getProperty("user.name")));
        process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto-" + port + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mosquitto TLS listener did not start: " + log(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** The URI with the IP address (what the certificates name). */
    public String uri() {
        return "ssl://127.0.0.1:" + port;
    }

    /** The same listener under a name the certificates do not carry. */
    public String uriByName(String host) {
        return "ssl://" + host + ":" + port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto-" + port + ".log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
