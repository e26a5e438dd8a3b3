package org.iotgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A real RabbitMQ 3.10 cluster on loopback (Debian's {@code rabbitmq-server}, MQTT plugin), for
 * tests of a fleet against a clustered broker: {@code rabbit1..N@localhost}, each with its own AMQP,
 * distribution and MQTT ports, data and config directory ({@link RabbitNode}), one cookie and one
 * private epmd. The nodes boot in parallel (each takes 30-60 s on a loaded machine), then the others
 * join the first with {@code rabbitmqctl stop_app; reset; join_cluster; start_app}.
 * <p>
 * Persistent MQTT sessions are quorum queues ({@code mqtt.durable_queue_type = quorum}, which must be
 * set when the cluster is created): a durable subscriber's session then survives its node. Facts
 * that matter to a test: MQTT 3.1.1 only, QoS 2 refused, retained messages stay on the node they were
 * published to, last wills cross nodes. The MQTT plugin needs a majority of the nodes up. Not
 * thread-safe: drive it from the test thread.
 */
public final class RabbitCluster implements AutoCloseable {
    private final Path base;
    private final int epmdPort;
    private final List<RabbitNode> nodes;

    private RabbitCluster(Path base, int epmdPort, List<RabbitNode> nodes) {
        this.base = base;
        this.epmdPort = epmdPort;
        this.nodes = nodes;
    }

    /** Creates, starts and joins {@code size} nodes under {@code base}. */
    public static RabbitCluster start(Path base, int size) {
        RabbitCluster c;
        try {
            int epmd = RabbitNode.freePort();
            List<RabbitNode> nodes = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                nodes.add(RabbitNode.member(base, "rabbit" + i, epmd, "mqtt.durable_queue_type = quorum\n"));
            }
            c = new RabbitCluster(base, epmd, List.copyOf(nodes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            c.parallel(RabbitNode::start);
            for (RabbitNode n : c.nodes.subList(1, size)) {
                c.join(n);
            }
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    public RabbitNode node(int index) {
        return nodes.get(index);
    }

    public List<RabbitNode> nodes() {
        return nodes;
    }

    /** Every node's {@code tcp://127.0.0.1:PORT}, in node order. */
    public List<String> mqttUris() {
        return nodes.stream().map(RabbitNode::mqttUri).toList();
    }

    /** The node whose MQTT URI this is. */
    public RabbitNode byUri(String uri) {
        return nodes.stream().filter(n -> n.mqttUri().equals(uri)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node at " + uri + " in " + mqttUris()));
    }

    /** Starts the stopped or killed nodes in parallel (a whole cluster must: each waits for its peers). */
    public void startStopped() {
        parallel(n -> {
            if (!n.isRunning()) {
                n.start();
            }
        });
    }

    /** Kills every node (SIGKILL), all at once: a power cut of the whole cluster. */
    public void killAll() {
        parallel(RabbitNode::kill);
    }

    /**
     * Stops every node (SIGTERM, each waits for its clean shutdown), all at once, then starts them
     * all again: a full cluster restart, as for an upgrade.
     */
    public void restartAll() {
        parallel(RabbitNode::stop);
        startStopped();
    }

    private void join(RabbitNode n) {
        try {
            String first = nodes.get(0).name();
            for (String[] step : List.of(new String[] {"stop_app"}, new String[] {"reset"},
                    new String[] {"join_cluster", first}, new String[] {"start_app"})) {
                int exit = n.ctl(step);
                if (exit != 0) {
                    throw new IllegalStateException("rabbitmqctl " + String.join(" ", step) + " on " + n.name()
                            + " exited " + exit + ":\n" + n.ctlLog() + "\nthe node's log:\n" + n.log());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining " + n.name(), e);
        }
    }

    /** One thread per node (the common pool has a single thread on two cores: the boots would queue). */
    private void parallel(Consumer<RabbitNode> action) {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<CompletableFuture<Void>> all = nodes.stream()
                    .map(n -> CompletableFuture.runAsync(() -> action.accept(n), pool)).toList();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Kills every node, stops the shared epmd, deletes the nodes' directories. */
    @Override
    public void close() {
        nodes.forEach(RabbitNode::close);
        RabbitNode.stopEpmd(epmdPort);
        ServerProcess.delete(base.resolve(".erlang.cookie"));
    }
}
