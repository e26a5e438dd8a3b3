package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of a real process in the middle of writing the state directory, again and again: every
 * version left is whole (its YAML is its own, byte for byte, its envelope parses), states are ones
 * the writer wrote, and the config in force is always a complete version. {@link RemoteStoreTest}
 * stops the writer at each step deterministically; this kills a real process wherever it is.
 */
class StoreCrashIT {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesEveryVersionWholeAndAConfigInForce() throws Exception {
        Random random = new Random(19);
        long lastApplied = 0;
        int midWrite = 0;
        for (int round = 0; round < 12; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
            // Killed while writing, not while its JVM starts (slow on a loaded machine): once it applied a
            // version, at a random moment of the next few writes.
            long floor = lastApplied;
            await().atMost(Duration.ofSeconds(60)).until(() -> !p.isAlive() || appliedSoFar() > floor);
            Thread.sleep(random.nextInt(400));
            assertThat(p.isAlive()).as(Files.readString(dir.resolve("writer.log"))).isTrue();
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

            try (var left = Files.list(dir.resolve("remote-config"))) {
                midWrite += left.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")) ? 1 : 0;
            }
            RemoteStore store = RemoteStore.at(dir);
            List<RemoteStore.Stored> versions = store.versions();
            assertThat(versions).as("round " + round).isNotEmpty();
            for (RemoteStore.Stored s : versions) {
                assertThat(Files.readString(s.yaml())).as("version " + s.version() + " whole").isEqualTo(
                        StoreWriterMain.yaml(s.version()));
                assertThat(Envelope.parse(Files.readAllBytes(s.dir().resolve("envelope.json"))).version())
                        .isEqualTo(s.version());
                assertThat(s.state()).isIn(RemoteStore.State.TRIAL, RemoteStore.State.STARTED, RemoteStore.State.APPLIED);
            }
            RemoteStore.Stored applied = store.applied().orElseThrow();
            assertThat(applied.version()).as("the config in force never goes back").isGreaterThanOrEqualTo(lastApplied);
            assertThat(versions.get(versions.size() - 1).version() - applied.version()).isLessThanOrEqualTo(1);
            lastApplied = applied.version();
        }
        assertThat(lastApplied).as("every round applied a version before the kill").isGreaterThanOrEqualTo(12);
        assertThat(midWrite).as("kills that left a version half-written (its .tmp directory)").isPositive();
    }

    /** The last version the writer says it applied, 0 before the first. */
    private long appliedSoFar() throws java.io.IOException {
        List<String> lines = Files.readAllLines(dir.resolve("writer.log"));
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).matches("applied [0-9]+")) {
                return Long.parseLong(lines.get(i).substring("applied ".length()));
            }
        }
        return 0;
    }
}
