package org.iotgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real RabbitMQ node (Debian's {@code rabbitmq-server} 3.10, MQTT plugin on) on free loopback
 * ports, for tests that need a broker speaking only MQTT 3.1.1. Everything it owns is in its own
 * directory: node name, AMQP, distribution, MQTT and epmd ports, data, logs, config, Erlang cookie.
 * The epmd port is private too, so stopping the node can stop its epmd without touching anyone
 * else's. A cluster helper can start several with one {@code base} (a shared cookie) and join them.
 * Starting takes 10-50 s: start one per test class at most. Not thread-safe.
 */
public final class RabbitNode implements AutoCloseable {
    private static final String BIN = "/usr/lib/rabbitmq/bin/";
    private static final Duration START = Duration.ofSeconds(120);

    private final Path base;
    private final Path dir;
    private final String name;
    private final int amqpPort;
    private final int distPort;
    private final int mqttPort;
    private final int epmdPort;
    private Process process;

    private RabbitNode(Path base, String shortName) throws IOException {
        this.base = base;
        this.dir = Files.createDirectories(base.resolve(shortName));
        this.name = shortName + "@localhost";
        this.amqpPort = freePort();
        this.distPort = freePort();
        this.mqttPort = freePort();
        this.epmdPort = freePort();
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_mqtt].\n");
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.1 = 127.0.0.1:" + amqpPort + "\n"
                + "mqtt.listeners.tcp.1 = 127.0.0.1:" + mqttPort + "\n" + "loopback_users = none\n");
    }

    /** True when Debian's rabbitmq-server is installed (scripts/test.sh installs it). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BIN, "rabbitmq-server"));
    }

    /** Creates a node named {@code shortName}@localhost under {@code base}; not started. */
    public static RabbitNode create(Path base, String shortName) {
        try {
            return new RabbitNode(base, shortName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String mqttUri() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** Starts the node and waits until its MQTT listener accepts connections. */
    public RabbitNode start() {
        try {
            ProcessBuilder pb = new ProcessBuilder(BIN + "rabbitmq-server").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log")
                            .toFile()));
            pb.environment().putAll(env());
            process = pb.start();
            awaitMqtt();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start RabbitMQ node " + name + ":\n" + log(), e);
        }
    }

    /** Runs {@code rabbitmqctl -n NODE args...} (e.g. for joining a cluster); returns its exit status. */
    public int ctl(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = BIN + "rabbitmqctl";
        cmd[1] = "-n";
        cmd[2] = name;
        System.arraycopy(args, 0, cmd, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ctl.log").toFile()));
        pb.environment().putAll(env());
        Process p = pb.start();
        return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** SIGTERM and wait: a clean stop. */
    public void stop() {
        end(false);
    }

    /** SIGKILL: a crash. */
    public void kill() {
        end(true);
    }

    public String log() {
        return ServerProcess.log(dir.resolve("out.log"));
    }

    /** Kills the node and its private epmd, and deletes its directory. */
    @Override
    public void close() {
        kill();
        stopEpmd();
        ServerProcess.delete(dir);
    }

    /**
     * epmd refuses {@code -kill} while a name is registered, and notices the killed node's closed
     * socket a moment later: try for a few seconds, until it says it is gone or nothing answers.
     */
    private void stopEpmd() {
        for (int i = 0; i < 20; i++) {
            try {
                Process p = new ProcessBuilder("epmd", "-port", String.valueOf(epmdPort), "-kill")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                // "Killing not allowed - living nodes in database": the node's name is still registered.
                if (!p.waitFor(10, TimeUnit.SECONDS) || !out.contains("living nodes")) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                return; // no epmd on PATH: nothing was started either
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, String> env() {
        return Map.of("HOME", base.toString(), "RABBITMQ_NODENAME", name,
                "RABBITMQ_NODE_PORT", String.valueOf(amqpPort), "RABBITMQ_DIST_PORT", String.valueOf(distPort),
                "ERL_EPMD_PORT", String.valueOf(epmdPort), "RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", dir.resolve("log").toString(), "RABBITMQ_LOGS", "-",
                "RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
    }

    private void end(boolean force) {
        // The script execs erl, so the process is the beam itself; its children (epmd is not one) go too.
        ServerProcess.end(process, force, 30);
        process = null;
    }

    private void awaitMqtt() throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("rabbitmq-server exited with " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", mqttPort), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        throw new IOException("RabbitMQ node " + name + " did not open its MQTT port within " + START);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return s.getLocalPort();
        }
    }
}
