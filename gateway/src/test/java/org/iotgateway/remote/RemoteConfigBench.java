package org.iotgateway.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;

/**
 * How long remote configuration takes, the real jar against a loopback mosquitto, one line per run
 * (scripts/bench.sh remote). Times start when the pusher connects to publish (a fresh MQTT 3.1.1
 * connection, as {@code config push} makes) and end when the gateway's result message arrives (polled
 * every 5 ms).
 * <ul>
 * <li>{@code live}: a config that adds a channel, to {@code applied} (it passed the health check).
 * <li>{@code restart}: a config that needs a restart ({@code gateway.print}), to the exit with 75, and
 * to {@code applied} when the gateway is started again at once (systemd waits {@code RestartSec=10s}
 * first: add it).
 * <li>{@code rollback}: a config whose broker is a dead port, with the default 60 s health deadline, to
 * {@code rolled-back}.
 * </ul>
 * Arguments: live|restart|rollback, and the number of runs (default 3). Needs {@code -Dgateway.jar}.
 */
public final class RemoteConfigBench {
    private RemoteConfigBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int i = 1; i <= runs; i++) {
            Path dir = Files.createTempDirectory("remote-config-bench-");
            try {
                run(mode, i, dir);
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static void run(String mode, int run, Path dir) throws Exception {
        Path ops = TestKeys.write(dir, "ops");
        try (MosquittoBroker broker = MosquittoBroker.started();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), "sensors/bench-1/#")) {
            RemoteGateway gw = new RemoteGateway("bench-1", dir, broker.uri());
            // The default health deadline (60 s): the yaml of the ITs sets 5 s.
            String remote = ", trusted-keys: [" + dir.resolve("ops.pub") + "]";
            String local = gw.yaml(broker.uri(), remote, RemoteGateway.channel("temperature"))
                    .replace("health-deadline: 5s", "health-deadline: 60s");
            Path file = gw.writeLocal(local);
            String next = switch (mode) {
                case "live" -> local.replace("channels:\n", "channels:\n" + RemoteGateway.channel("humidity"));
                case "restart" -> local.replace("gateway: {id: bench-1}", "gateway: {id: bench-1, print: true}");
                case "rollback" -> local.replace(broker.uri(), RollbackIT.deadBroker());
                default -> throw new IllegalArgumentException("live|restart|rollback, not " + mode);
            };
            GatewayProcess p = GatewayProcess.start(dir, "run", "--config", file.toString());
            try {
                waitFor(() -> gw.subscribed(sub), 60_000, "the gateway subscribed");
                long version = 10 + run;
                byte[] envelope = TestKeys.signed(ops, version, next, "bench-1");
                long t0 = System.nanoTime();
                gw.push(envelope, true);
                switch (mode) {
                    case "live" -> {
                        JsonNode r = outcome(gw, sub, version, 30_000);
                        System.out.printf("remote live run %d: %s after %d ms%n", run, r.path("status").asText(),
                                millis(t0));
                    }
                    case "restart" -> {
                        int status = p.awaitExit(java.time.Duration.ofSeconds(60));
                        long exited = millis(t0);
                        long t1 = System.nanoTime();
                        p = GatewayProcess.start(dir, "run", "--config", file.toString());
                        JsonNode r = outcome(gw, sub, version, 90_000);
                        if (millis(t0) > 20_000) {
                            // Slow: keep the restarted gateway's log to see where the time went.
                            Path log = Files.createTempFile("remote-config-bench-slow-", ".log");
                            Files.writeString(log, p.allOutput());
                            System.err.println("slow run: the restarted gateway's output is in " + log);
                        }
                        System.out.printf("remote restart run %d: exit %d after %d ms, %s %d ms after the new start,"
                                + " %d ms after the push (RestartSec not included)%n", run, status, exited,
                                r.path("status").asText(), millis(t1), millis(t0));
                    }
                    default -> {
                        JsonNode r = outcome(gw, sub, version, 120_000);
                        System.out.printf("remote rollback run %d: %s after %d ms%n", run, r.path("status").asText(),
                                millis(t0));
                    }
                }
            } finally {
                p.close();
            }
        }
    }

    private static JsonNode outcome(RemoteGateway gw, TestSubscriber sub, long version, long withinMillis)
            throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        waitFor(() -> (found[0] = gw.outcome(sub, version)) != null, withinMillis, "an outcome of version " + version);
        return found[0];
    }

    private static void waitFor(java.util.function.BooleanSupplier done, long withinMillis, String what)
            throws InterruptedException {
        long end = System.nanoTime() + withinMillis * 1_000_000;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no " + what + " within " + withinMillis + " ms");
            }
            Thread.sleep(5);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
