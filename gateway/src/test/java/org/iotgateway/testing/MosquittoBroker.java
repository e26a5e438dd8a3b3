package org.iotgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code mosquitto} process on a free 127.0.0.1 port (never 1883), for integration tests.
 * {@link #stop()} / {@link #kill()} and {@link #start()} again on the SAME port make outages.
 * <p>
 * {@link #persistent()} keeps sessions across a clean {@link #stop()}: a test subscriber with
 * cleanSession=false then misses nothing published while it was reconnecting, so a test can
 * attribute any gap to the gateway rather than to the subscriber's own reconnect race.
 * Not thread-safe: drive it from the test thread.
 */
public final class MosquittoBroker implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    private final Path dir;
    private final int port;
    private final boolean persistent;
    private String extraConfig = "";
    private Process process;

    private MosquittoBroker(boolean persistent) {
        this.persistent = persistent;
        try {
            this.dir = Files.createTempDirectory("mosquitto-");
            this.port = freePort();
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker that forgets sessions and retained messages on restart; not started yet. */
    public static MosquittoBroker create() {
        return new MosquittoBroker(false);
    }

    /** A broker that saves sessions on a clean stop and restores them on start; not started yet. */
    public static MosquittoBroker persistent() {
        return new MosquittoBroker(true);
    }

    /** Creates and starts a non-persistent broker. */
    public static MosquittoBroker started() {
        return create().start();
    }

    /** Adds mosquitto.conf lines (e.g. {@code max_packet_size 2000}) for the next start. */
    public MosquittoBroker withConfig(String lines) {
        extraConfig += lines.endsWith("\n") ? lines : lines + "\n";
        try {
            writeConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts mosquitto (again) on the same port and waits until it accepts connections. */
    public MosquittoBroker start() {
        if (isRunning()) {
            throw new IllegalStateException("mosquitto already running on " + uri());
        }
        try {
            process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
            awaitPort(Duration.ofSeconds(10));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mosquitto (is it on PATH?)", e);
        }
    }

    /** SIGTERM and wait: a clean shutdown (a persistent broker saves its sessions). */
    public void stop() {
        end(false);
    }

    /** SIGKILL and wait: a crash. */
    public void kill() {
        end(true);
    }

    /** The broker's own log, for failure messages. */
    public String log() {
        return ServerProcess.log(dir.resolve("mosquitto.log"));
    }

    /** Kills the process and deletes its temp directory. */
    @Override
    public void close() {
        kill();
        ServerProcess.delete(dir);
    }

    private void end(boolean force) {
        ServerProcess.end(process, force, 10);
        process = null;
    }

    private void writeConfig() throws IOException {
        StringBuilder c = new StringBuilder()
                .append("listener ").append(port).append(" 127.0.0.1\n")
                .append("allow_anonymous true\n")
                // Running as root, mosquitto would switch to user "mosquitto", which cannot read our temp dir.
                .append("user ").append(System.getProperty("user.name")).append('\n')
                // Room for any backlog a test builds up for an offline subscriber. Not 0 ("no limit"): in
                // mosquitto before 2.0.22 that closes a client's connection after every publish it refuses
                // (eclipse-mosquitto/mosquitto#3244), and before 2.0.3 drops QoS 0 messages (#1956).
                .append("max_queued_messages 10000000\n")
                .append("log_dest stdout\n");
        if (persistent) {
            c.append("persistence true\n").append("persistence_location ").append(dir).append("/\n");
        } else {
            c.append("persistence false\n");
        }
        Files.writeString(dir.resolve("mosquitto.conf"), c.append(extraConfig));
    }

    private void awaitPort(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IOException("mosquitto did not open port " + port + " within " + timeout + ":\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** 127.0.0.1 literally: getLoopbackAddress() may answer ::1. */
    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
