package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory's versions: their life cycle, and a crash injected at every step of every
 * write, after which the store holds the old state or the new one, each file whole.
 */
class RemoteStoreTest {
    @TempDir
    Path dir;

    /** The process "dies" here: nothing after the throw runs. */
    static final class Crash extends RuntimeException {
        Crash(String step) {
            super(step, null, false, false);
        }
    }

    /** Throws at the n-th step it sees, 1-based; counts the steps. */
    static final class CrashAt implements AtomicFiles.CrashPoint {
        final int n;
        final AtomicInteger seen = new AtomicInteger();

        CrashAt(int n) {
            this.n = n;
        }

        @Override
        public void at(String step) {
            if (seen.incrementAndGet() == n) {
                throw new Crash(step);
            }
        }
    }

    static Envelope envelope(long version, String yaml) {
        return new Envelope(version, List.of("pi-1"), yaml.getBytes(StandardCharsets.UTF_8), null, null);
    }

    @Test
    void versionsGoFromTrialToAppliedOrRolledBackAndPruneKeepsWhatMatters() throws Exception {
        RemoteStore store = RemoteStore.at(dir);
        assertThat(store.versions()).isEmpty();
        store.add(envelope(3, "a: 1\n"), RemoteStore.State.STARTED, "applied live");
        store.mark(3, RemoteStore.State.APPLIED, "passed");
        store.add(envelope(4, "a: 2\n"), RemoteStore.State.TRIAL, "needs a restart");
        store.mark(4, RemoteStore.State.ROLLED_BACK, "no publish acknowledged\nwithin 60 s");
        store.add(envelope(7, "a: 3\n"), RemoteStore.State.STARTED, "live");
        store.mark(7, RemoteStore.State.ROLLED_BACK, "again");
        assertThat(store.versions()).extracting(RemoteStore.Stored::version).containsExactly(3L, 4L, 7L);
        assertThat(store.applied()).get().extracting(RemoteStore.Stored::version).isEqualTo(3L);
        RemoteStore.Stored four = store.versions().get(1);
        assertThat(four.state()).isEqualTo(RemoteStore.State.ROLLED_BACK);
        assertThat(four.why()).as("one line").isEqualTo("no publish acknowledged within 60 s");
        assertThat(four.at()).isNotNull();
        assertThat(Files.readString(four.yaml())).isEqualTo("a: 2\n");

        store.prune();
        assertThat(store.versions()).as("the one in force and the highest (the floor) stay")
                .extracting(RemoteStore.Stored::version).containsExactly(3L, 7L);
        store.remove(7);
        assertThat(store.top()).get().extracting(RemoteStore.Stored::version).isEqualTo(3L);
    }

    @Test
    void aCrashAtAnyStepOfAddingAVersionLeavesItWholeOrAbsent() throws Exception {
        String old = "gateway: {id: pi-1}\n" + "# old\n".repeat(2000);
        String next = "gateway: {id: pi-1}\n" + "# new\n".repeat(3000);
        int steps = 0;
        for (int n = 1; ; n++) {
            Path state = Files.createTempDirectory(dir, "crash-" + n);
            RemoteStore.at(state).add(envelope(5, old), RemoteStore.State.APPLIED, "in force");
            CrashAt crash = new CrashAt(n);
            boolean crashed = false;
            try {
                new RemoteStore(state, crash).add(envelope(6, next), RemoteStore.State.TRIAL, "needs a restart");
            } catch (Crash c) {
                crashed = true;
            }
            RemoteStore after = RemoteStore.at(state);
            assertThat(after.applied()).get().satisfies(s -> {
                assertThat(s.version()).isEqualTo(5);
                assertThat(Files.readString(s.yaml())).isEqualTo(old);
            });
            List<RemoteStore.Stored> all = after.versions();
            if (all.size() == 2) {
                RemoteStore.Stored six = all.get(1);
                assertThat(six.state()).isEqualTo(RemoteStore.State.TRIAL);
                assertThat(Files.readString(six.yaml())).as("crash at step " + n).isEqualTo(next);
                assertThat(Envelope.parse(Files.readAllBytes(six.dir().resolve("envelope.json"))).version()).isEqualTo(6);
            } else {
                assertThat(all).hasSize(1);
                assertThat(crashed).as("only a crash leaves it out").isTrue();
            }
            if (!crashed) {
                steps = n - 1;
                break;
            }
        }
        assertThat(steps).as("three files written in halves, then the rename").isEqualTo(5);
    }

    @Test
    void aCrashAtAnyStepOfAStateChangeLeavesTheOldStateOrTheNew() throws Exception {
        int steps = 0;
        for (int n = 1; ; n++) {
            Path state = Files.createTempDirectory(dir, "mark-" + n);
            RemoteStore.at(state).add(envelope(9, "a: 1\n"), RemoteStore.State.TRIAL, "needs a restart");
            boolean crashed = false;
            try {
                new RemoteStore(state, new CrashAt(n)).mark(9, RemoteStore.State.STARTED, "on trial");
            } catch (Crash c) {
                crashed = true;
            }
            RemoteStore.State s = RemoteStore.at(state).top().orElseThrow().state();
            assertThat(s).as("crash at step " + n).isIn(RemoteStore.State.TRIAL, RemoteStore.State.STARTED);
            if (!crashed) {
                assertThat(s).isEqualTo(RemoteStore.State.STARTED);
                steps = n - 1;
                break;
            }
        }
        assertThat(steps).as("the state file in halves, the rename, the directory sync").isEqualTo(3);
    }
}
