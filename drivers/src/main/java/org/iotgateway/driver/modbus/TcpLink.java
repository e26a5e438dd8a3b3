package org.iotgateway.driver.modbus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.iotgateway.driver.modbus.codec.Mbap;
import org.iotgateway.driver.modbus.codec.ReadRequest;
import org.iotgateway.driver.modbus.codec.Scan;

/**
 * One Modbus TCP connection over a plain socket, requests one at a time. Replies are matched by
 * transaction id, so a late reply to a request that already timed out is skipped. The connection
 * is given up (and opened again by the bus) when the host closes it, when its stream cannot be
 * framed, or after {@value #DEAD_AFTER} timeouts in a row without a byte: a host that vanished
 * without closing (power cut, cable) leaves a socket that would otherwise wait for ever.
 */
final class TcpLink implements Link {
    static final int DEAD_AFTER = 3;
    private static final int CAPACITY = 4096;

    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[CAPACITY];
    private int len;
    private int transaction;
    private int silentInARow;
    private boolean usable = true;
    private long quietSince = System.nanoTime();

    private TcpLink(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TcpLink open(String host, int port, int connectTimeoutMillis) throws LinkDown {
        Socket socket = new Socket();
        String name = host + ":" + port;
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            return new TcpLink(name, socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new LinkDown("cannot connect to " + name + ": " + e.getMessage());
        }
    }

    @Override
    public Exchange exchange(ReadRequest request, long timeoutNanos, long pauseNanos) throws LinkDown {
        long until = quietSince + pauseNanos;
        for (long left; (left = until - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(left);
        }
        transaction = transaction % 0xFFFF + 1;
        try {
            out.write(Mbap.request(transaction, request));
            out.flush();
        } catch (IOException e) {
            throw new LinkDown("write to " + name + " failed: " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeoutNanos;
        boolean heard = false;
        while (true) {
            Scan scan = Mbap.scan(request, transaction, buf, len);
            if (scan instanceof Scan.Found f) {
                drop(f.end());
                return done(Exchange.replied(f.reply(), 0));
            }
            if (scan instanceof Scan.Failed f) {
                len = 0;
                usable &= !f.streamLost();
                return done(Exchange.failed(f.reason(), f.detail(), 0));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || len == CAPACITY) {
                silentInARow = heard ? 0 : silentInARow + 1;
                usable &= silentInARow < DEAD_AFTER && len < CAPACITY;
                return done(Exchange.failed("timeout", "no reply from unit " + request.unit() + " at " + name
                        + " within " + timeoutNanos / 1_000_000 + " ms", 0));
            }
            heard |= receive(left) > 0;
        }
    }

    private Exchange done(Exchange e) {
        if (e.reply() != null) {
            silentInARow = 0;
        }
        quietSince = System.nanoTime();
        return e;
    }

    /** Reads what arrives within {@code nanos}; returns the byte count (0 on timeout). */
    private int receive(long nanos) throws LinkDown {
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000)));
            int n = in.read(buf, len, CAPACITY - len);
            if (n < 0) {
                throw new LinkDown(name + " closed the connection");
            }
            len += n;
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            throw new LinkDown("read from " + name + " failed: " + e.getMessage());
        }
    }

    private void drop(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
    }

    /** Late replies stay in the buffer until their transaction id is skipped: nothing to drop here. */
    @Override
    public int discardInput() {
        return 0;
    }

    @Override
    public boolean usable() {
        return usable;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing left to do
        }
    }
}
