package org.iotgateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.testing.LazyFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Power cuts, measured: {@code -Ppowercut} ({@code scripts/test.sh --powercut}), not in the default
 * run. For each {@code outbox.sync} setting, {@code -Dpowercut.cuts} (default 20) cuts at random
 * moments with the outbox on LazyFS ({@link PowerCuts}), then the checks of {@link PowerCutReport}.
 * Prints the per-setting table (also to target/powercut/report.txt; the gateways' logs are next to
 * it) before it asserts, so a failing run still gives its figures. The seed ({@code -Dpowercut.seed})
 * is logged; every setting uses the same schedule. {@code -Dpowercut.sync=batch,os} picks settings.
 * Without /dev/fuse, root or the LazyFS sources the test is skipped, saying why.
 */
class PowerCutIT {
    private static final Logger log = LoggerFactory.getLogger(PowerCutIT.class);

    @TempDir
    Path dir;

    @Test
    void everySeqIsDeliveredPendingOrCountedAcrossPowerCuts() throws Exception {
        long seed = Long.getLong("powercut.seed", System.nanoTime());
        int cuts = Integer.getInteger("powercut.cuts", 20);
        List<String> settings = List.of(System.getProperty("powercut.sync", "batch,interval,os").split(","));
        Path repo = Path.of(System.getProperty("powercut.repo", "..")).toAbsolutePath().normalize();
        Path sources = LazyFs.sources(repo);
        Path out = Files.createDirectories(Path.of("target/powercut"));
        log.info("power-cut test: seed {} (-Dpowercut.seed={}), {} cuts per setting {}, LazyFS from {}", seed, seed,
                cuts, settings, sources);
        List<PowerCutReport> reports = new ArrayList<>();
        for (String sync : settings) {
            Path gatewayLog = out.resolve(sync + "-gateway.log");
            Files.deleteIfExists(gatewayLog);
            reports.add(PowerCutReport.of(new PowerCuts(sync, seed, dir.resolve(sync), sources, gatewayLog).run(cuts)));
        }
        StringBuilder table = new StringBuilder("power cuts, seed " + seed + ", ~400 aggregates/s, " + cuts
                + " cuts per setting; lost/cut = committed aggregates a cut destroyed (printed by the gateway,"
                + " never delivered)\n").append(PowerCutReport.header()).append('\n');
        reports.forEach(r -> table.append(r.row()).append('\n'));
        for (PowerCutReport r : reports) {
            table.append(r.sync()).append(": lost per cut ").append(r.lostPerCut()).append('\n');
            r.problems().forEach(p -> table.append(r.sync()).append(": PROBLEM ").append(p).append('\n'));
        }
        Files.writeString(out.resolve("report.txt"), table);
        System.out.println(table);
        assertThat(reports.stream().flatMap(r -> r.problems().stream().map(p -> r.sync() + ": " + p)).toList())
                .as("power-cut checks, seed " + seed).isEmpty();
    }
}
