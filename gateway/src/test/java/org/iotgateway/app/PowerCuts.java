package org.iotgateway.app;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotgateway.testing.GatewayProcess;
import org.iotgateway.testing.LazyFs;
import org.iotgateway.testing.MosquittoBroker;
import org.iotgateway.testing.TestSubscriber;

/**
 * One {@code outbox.sync} setting's run of the power-cut test: the real gateway process
 * ({@code run --print}, ~400 aggregates/s) with its outbox on LazyFS, a persistent mosquitto and a
 * durable subscriber. Each cut comes at a random moment (steady, during start-up, during a broker
 * outage, while the backlog drains): SIGKILL, LazyFS drops every unsynced write, and the next start
 * reads a new OS boot id. After the last cut the gateway runs connected and stops cleanly. What it
 * printed per run (every aggregate it committed), what the subscriber received and what the file
 * holds at the end go to {@link PowerCutReport}. The schedule comes from the seed alone.
 */
final class PowerCuts {
    enum Moment { STEADY, STARTUP, OUTAGE, DRAIN }

    /**
     * One gateway process: why it ended, its boot (-1 if it died before opening the outbox), what it
     * printed, and the seqs its file held right after the cut (all of them after a clean stop).
     */
    record Run(Moment cut, long boot, Map<Long, String> printed, boolean restarted, Set<Long> survived) {
    }

    /** Everything observed in one setting's run. */
    record Observed(String sync, List<Run> runs, Map<Long, Set<String>> received, PowerCutBooks books) {
    }

    private static final Pattern PRINTED = Pattern.compile("^\\{\"seq\":(\\d+),");
    private static final Pattern BOOT = Pattern.compile("outbox .* opened: .* boot (\\d+),");

    private final String sync;
    private final Random rnd;
    private final Path dir;
    private final Path lazyFsSources;
    private final Path bootId;
    private final Path log;
    private final List<Run> runs = new ArrayList<>();

    PowerCuts(String sync, long seed, Path dir, Path lazyFsSources, Path log) {
        this.sync = sync;
        this.rnd = new Random(seed);
        this.dir = dir;
        this.lazyFsSources = lazyFsSources;
        this.bootId = dir.resolve("boot_id");
        this.log = log;
    }

    Observed run(int cuts) throws Exception {
        Files.createDirectories(dir);
        try (LazyFs fs = LazyFs.mount(lazyFsSources, dir.resolve("state"), dir.resolve("lazyfs"));
             MosquittoBroker broker = MosquittoBroker.persistent().start();
             TestSubscriber sub = TestSubscriber.subscribe(broker.uri(), FastGateway.TOPICS, true)) {
            // max-bytes 2MB: outages of a few seconds evict, so evictions meet cuts too.
            Path cfg = FastGateway.config(dir, broker.uri(), ", sync: " + sync + ", max-bytes: 2MB");
            for (int i = 0; i < cuts; i++) {
                Moment m = Moment.values()[rnd.nextInt(Moment.values().length)];
                if (!broker.isRunning() && m != Moment.OUTAGE) {
                    broker.start();
                }
                GatewayProcess gw = start(cfg);
                if (m != Moment.STARTUP && !running(gw)) {
                    ended(gw, m, false, Set.of());
                    return observed(sub, null);
                }
                bringTo(m, broker);
                gw.kill();
                fs.clearCache();
                ended(gw, m, true, PowerCutBooks.storedSeqs(dir.resolve("state/outbox")));
            }
            if (!broker.isRunning()) {
                broker.start();
            }
            GatewayProcess last = start(cfg);
            boolean up = running(last);
            if (up) {
                Thread.sleep(8_000); // connected: the backlog drains
                last.stop();
            }
            ended(last, null, up, Set.of());
            return observed(sub, up ? PowerCutBooks.read(dir.resolve("state/outbox")) : null);
        }
    }

    private void bringTo(Moment m, MosquittoBroker broker) throws InterruptedException {
        switch (m) {
            case STARTUP -> Thread.sleep(500 + rnd.nextInt(3_500)); // JVM start, then the outbox open
            case STEADY -> Thread.sleep(1_000 + rnd.nextInt(5_000));
            case OUTAGE -> {
                broker.stop();
                Thread.sleep(1_000 + rnd.nextInt(5_000));
            }
            case DRAIN -> {
                broker.stop();
                Thread.sleep(2_000 + rnd.nextInt(4_000));
                broker.start();
                Thread.sleep(100 + rnd.nextInt(1_900));
            }
        }
    }

    private GatewayProcess start(Path cfg) throws Exception {
        Files.writeString(bootId, UUID.randomUUID() + "\n");
        return GatewayProcess.start(dir, Map.of(), List.of("-Diotgateway.boot-id-file=" + bootId),
                "run", "--config", cfg.toString(), "--print");
    }

    /** The gateway always restarts: false if it exited or was not running within 60 s. */
    private static boolean running(GatewayProcess gw) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !gw.isAlive() || gw.stderr().stream()
                    .anyMatch(l -> l.contains("Gateway: gateway " + FastGateway.ID + " running")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
        return gw.isAlive();
    }

    private void ended(GatewayProcess gw, Moment cut, boolean restarted, Set<Long> survived) throws Exception {
        gw.close();
        Map<Long, String> printed = new HashMap<>();
        for (String line : gw.stdout()) {
            Matcher p = PRINTED.matcher(line);
            if (p.find()) {
                printed.put(Long.parseLong(p.group(1)), line);
            }
        }
        long boot = gw.stderr().stream().map(BOOT::matcher).filter(Matcher::find)
                .mapToLong(b -> Long.parseLong(b.group(1))).findFirst().orElse(-1);
        runs.add(new Run(cut, boot, printed, restarted, survived));
        Files.writeString(log, "=== " + sync + " run " + runs.size() + " (pid " + gw.pid() + "), ended by "
                        + (cut == null ? "a clean stop" : "a power cut at " + cut) + "\n"
                        + String.join("\n", gw.stderr()) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Observed observed(TestSubscriber sub, PowerCutBooks books) {
        Map<Long, Set<String>> received = new HashMap<>();
        if (books != null) {
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> books.accountsFor(bySeq(sub)));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // the report names what is missing
            }
        }
        received.putAll(bySeq(sub));
        return new Observed(sync, List.copyOf(runs), received, books);
    }

    private static Map<Long, Set<String>> bySeq(TestSubscriber sub) {
        Map<Long, Set<String>> out = new HashMap<>();
        for (TestSubscriber.Received r : sub.all()) {
            if (r.seq() >= 0 && !r.topic().endsWith("/status")) {
                out.computeIfAbsent(r.seq(), s -> new HashSet<>()).add(r.payload());
            }
        }
        return out;
    }
}
