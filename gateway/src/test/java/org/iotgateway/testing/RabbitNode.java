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
 * directory: node name, AMQP, distribution, MQTT and epmd ports, data, logs, config; the Erlang
 * cookie is in {@code base}. The epmd port is private too (never the system's 4369, where apt's
 * rabbitmq-server leaves one running), so stopping the node can stop its epmd without touching
 * anyone else's. The nodes of a {@link RabbitCluster} share {@code base} (one cookie) and one epmd
 * port, since Erlang finds a peer through the epmd on the port it uses itself. Starting takes
 * 10-50 s: start one per test class at most. Not thread-safe, except that several nodes may be
 * started from several threads.
 */
public final class RabbitNode implements AutoCloseable {
    private static final String BIN = "/usr/lib/rabbitmq/bin/";
    private static final Duration START = Duration.ofSeconds(240);

    private final Path base;
    private final Path dir;
    private final String name;
    private final int amqpPort;
    private final int distPort;
    private final int mqttPort;
    private final int epmdPort;
    private final boolean ownsEpmd;
    private volatile Process process;

    private RabbitNode(Path base, String shortName, int epmdPort, boolean ownsEpmd, String extraConfig)
            throws IOException {
        this.base = base;
        this.dir = Files.createDirectories(base.resolve(shortName));
        this.name = shortName + "@localhost";
        this.amqpPort = freePort();
        this.distPort = freePort();
        this.mqttPort = freePort();
        this.epmdPort = epmdPort;
        this.ownsEpmd = ownsEpmd;
        writeCookie(base);
        Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_mqtt].\n");
        Files.writeString(dir.resolve("rabbitmq.conf"), "listeners.tcp.1 = 127.0.0.1:" + amqpPort + "\n"
                + "mqtt.listeners.tcp.1 = 127.0.0.1:" + mqttPort + "\n" + "loopback_users = none\n" + extraConfig);
    }

    /**
     * Erlang writes a cookie into HOME when it finds none; nodes starting in parallel would race to
     * write different ones and then refuse each other. One is written first, readable by us alone.
     */
    private static synchronized void writeCookie(Path base) throws IOException {
        Path cookie = base.resolve(".erlang.cookie");
        if (!Files.exists(cookie)) {
            String value = java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
            Files.writeString(cookie, value);
            Files.setPosixFilePermissions(cookie, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        }
    }

    /** True when Debian's rabbitmq-server is installed (scripts/test.sh installs it). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BIN, "rabbitmq-server"));
    }

    /** Creates a node named {@code shortName}@localhost under {@code base}; not started. */
    public static RabbitNode create(Path base, String shortName) {
        try {
            return new RabbitNode(base, shortName, freePort(), true, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A node of a cluster: {@code epmdPort} shared with its peers (the cluster stops that epmd),
     * {@code extraConfig} lines added to its rabbitmq.conf.
     */
    static RabbitNode member(Path base, String shortName, int epmdPort, String extraConfig) throws IOException {
        return new RabbitNode(base, shortName, epmdPort, false, extraConfig);
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

    /** What the rabbitmqctl runs of {@link #ctl} printed. */
    public String ctlLog() {
        return ServerProcess.log(dir.resolve("ctl.log"));
    }

    /**
     * The process id of the node's Erlang VM ({@code beam.smp}): the start script runs it as a child,
     * so the process we started is only a shell.
     */
    public long pid() {
        return process.toHandle().descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("beam.smp")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no beam.smp under " + process.pid()))
                .pid();
    }

    /** True while the node's process runs. */
    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Kills the node and its private epmd, and deletes its directory. */
    @Override
    public void close() {
        kill();
        if (ownsEpmd) {
            stopEpmd(epmdPort);
        }
        ServerProcess.delete(dir);
    }

    /**
     * epmd refuses {@code -kill} while a name is registered, and notices the killed node's closed
     * socket a moment later: try for a few seconds, until it says it is gone or nothing answers.
     */
    static void stopEpmd(int epmdPort) {
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
        // The script runs the Erlang VM (beam.smp) as its child: the signal goes to every descendant too.
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

    /**
     * A free loopback port never handed out before in this JVM: a cluster takes ten at once, and the
     * kernel may return a port again once its probe socket is closed. FleetIT once found a node not
     * running when it came to join it; two nodes given one port (one dies at boot while the other's
     * listener answers the start-up probe for it) is a way that happens, and this rules it out.
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
}
