package org.iotgateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link between a client and a server on loopback that can go silent: while frozen no byte
 * and no close passes in either direction, as when a Wi-Fi or a cellular link drops out under an
 * open connection. The client only notices through its keep-alive.
 */
public final class LinkProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean frozen;

    private LinkProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "link-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy to {@code targetPort} on loopback, listening on a free loopback port. */
    public static LinkProxy to(int targetPort) throws IOException {
        return new LinkProxy(targetPort);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    public void freeze() {
        synchronized (gate) {
            frozen = true;
        }
    }

    public void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection close
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    awaitThawed();
                    out.write(buf, 0, n);
                }
                awaitThawed(); // a close cannot cross a silent link either
            } catch (IOException | InterruptedException e) {
                // one side went away: end both
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "link-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen) {
                gate.wait();
            }
        }
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        thaw();
        sockets.forEach(LinkProxy::quietlyClose);
    }
}
