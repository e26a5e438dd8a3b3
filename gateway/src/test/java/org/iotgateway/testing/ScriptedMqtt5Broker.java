package org.iotgateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A minimal MQTT 5 server on a free 127.0.0.1 port that answers as a test scripts it: what no
 * mosquitto configuration produces without a plugin (PUBACK 0x97 quota exceeded, a DISCONNECT with
 * 0x89 or a server reference) and what it does produce but cannot be watched (how many publishes the
 * client keeps unacknowledged against its Receive Maximum). It speaks only what the gateway sends:
 * CONNECT, PUBLISH QoS 0/1, PINGREQ, DISCONNECT. One thread per connection; every field is safe to
 * read from the test thread.
 */
public final class ScriptedMqtt5Broker implements AutoCloseable {
    /** A publish as received: its topic, payload, and its number among all publishes received (1, 2, ...). */
    public record Publish(String topic, String payload, int n, boolean retained) {
    }

    /** What to do after a publish: the PUBACK's reason code, and whether to disconnect right after. */
    public record Answer(int pubackCode, int disconnectCode, String serverReference) {
        public static Answer accept() {
            return new Answer(0, -1, null);
        }

        public static Answer refuse(int code) {
            return new Answer(code, -1, null);
        }

        /** No PUBACK: a DISCONNECT with {@code code} (and a server reference, or null) instead. */
        public static Answer disconnect(int code, String reference) {
            return new Answer(-1, code, reference);
        }
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final int receiveMaximum;
    private final long ackDelayMillis;
    private volatile Function<Publish, Answer> script = p -> Answer.accept();
    public final List<Publish> received = new CopyOnWriteArrayList<>();
    public final List<Publish> accepted = new CopyOnWriteArrayList<>();
    public final AtomicInteger connects = new AtomicInteger();
    public final AtomicInteger maxUnacked = new AtomicInteger();
    private final AtomicInteger counter = new AtomicInteger();
    private final java.util.concurrent.ScheduledExecutorService acks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scripted-broker-acks");
                t.setDaemon(true);
                return t;
            });

    /**
     * @param receiveMaximum stated in the CONNACK (0: not stated)
     * @param ackDelayMillis how long each PUBACK is held back, so the client's window fills up
     */
    public ScriptedMqtt5Broker(int receiveMaximum, long ackDelayMillis) {
        this.receiveMaximum = receiveMaximum;
        this.ackDelayMillis = ackDelayMillis;
        try {
            server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::accept, "scripted-broker");
        t.setDaemon(true);
        t.start();
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    public ScriptedMqtt5Broker script(Function<Publish, Answer> s) {
        this.script = s;
        return this;
    }

    @Override
    public void close() throws IOException {
        acks.shutdownNow();
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-broker-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        AtomicInteger unacked = new AtomicInteger();
        try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
            OutputStream out = socket.getOutputStream();
            while (true) {
                int header = in.read();
                if (header < 0) {
                    return;
                }
                byte[] body = new byte[remainingLength(in)];
                in.readFully(body);
                switch (header >> 4) {
                    case 1 -> {
                        connects.incrementAndGet();
                        send(out, 0x20, connack());
                    }
                    case 3 -> publish(out, header, body, unacked);
                    case 12 -> send(out, 0xD0, new byte[0]);
                    case 14 -> {
                        return;
                    }
                    default -> { }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test closed us
        }
    }

    private void publish(OutputStream out, int header, byte[] b, AtomicInteger unacked)
            throws IOException, InterruptedException {
        int qos = (header >> 1) & 3;
        int topicLen = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        String topic = new String(b, 2, topicLen, StandardCharsets.UTF_8);
        int p = 2 + topicLen;
        int id = 0;
        if (qos > 0) {
            id = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
            p += 2;
        }
        int[] propLen = varInt(b, p);
        p += propLen[1] + propLen[0];
        Publish pub = new Publish(topic, new String(b, p, b.length - p, StandardCharsets.UTF_8), counter.incrementAndGet(),
                (header & 1) == 1);
        received.add(pub);
        Answer a = script.apply(pub);
        if (a.disconnectCode() >= 0) {
            ByteArrayOutputStream d = new ByteArrayOutputStream();
            d.write(a.disconnectCode());
            byte[] props = a.serverReference() == null ? new byte[0] : stringProperty(0x1C, a.serverReference());
            writeVarInt(d, props.length);
            d.write(props);
            send(out, 0xE0, d.toByteArray());
            out.flush();
            Thread.sleep(100);
            throw new IOException("disconnected by script");
        }
        if (qos == 0) {
            accepted.add(pub);
            return;
        }
        maxUnacked.accumulateAndGet(unacked.incrementAndGet(), Math::max);
        int packetId = id;
        Runnable ack = () -> {
            if (a.pubackCode() < 0x80) {
                accepted.add(pub);
            }
            unacked.decrementAndGet();
            try {
                send(out, 0x40, new byte[] {(byte) (packetId >> 8), (byte) packetId, (byte) a.pubackCode(), 0});
            } catch (IOException e) {
                // the connection is gone: the client resends
            }
        };
        if (ackDelayMillis > 0) {
            // Acks go out later, while this thread reads on: the client's window fills up.
            acks.schedule(ack, ackDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
            ack.run();
        }
    }

    private byte[] connack() throws IOException {
        ByteArrayOutputStream props = new ByteArrayOutputStream();
        if (receiveMaximum > 0) {
            props.write(0x21);
            props.write(receiveMaximum >> 8);
            props.write(receiveMaximum);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0);
        b.write(0);
        writeVarInt(b, props.size());
        b.write(props.toByteArray());
        return b.toByteArray();
    }

    private static byte[] stringProperty(int id, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[3 + v.length];
        out[0] = (byte) id;
        out[1] = (byte) (v.length >> 8);
        out[2] = (byte) v.length;
        System.arraycopy(v, 0, out, 3, v.length);
        return out;
    }

    private static void send(OutputStream out, int header, byte[] body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(header);
        writeVarInt(b, body.length);
        b.write(body);
        synchronized (out) {
            out.write(b.toByteArray());
            out.flush();
        }
    }

    private static int remainingLength(InputStream in) throws IOException {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    /** @return {value, bytes used} */
    private static int[] varInt(byte[] b, int at) {
        int value = 0;
        int shift = 0;
        int i = at;
        int x;
        do {
            x = b[i++] & 0xFF;
            value |= (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return new int[] {value, i - at};
    }

    private static void writeVarInt(ByteArrayOutputStream b, int n) {
        do {
            int digit = n % 128;
            n /= 128;
            b.write(n > 0 ? digit | 0x80 : digit);
        } while (n > 0);
    }

    /** The seqs of the accepted aggregates (not status), in arrival order. */
    public List<Long> acceptedSeqs() {
        List<Long> out = new ArrayList<>();
        for (Publish p : accepted) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"seq\":(\\d+)").matcher(p.payload());
            if (!p.retained() && m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }
}
