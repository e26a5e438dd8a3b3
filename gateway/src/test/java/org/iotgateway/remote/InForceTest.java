package org.iotgateway.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which config a start (and a reload, and validate) runs, for each state the kept versions can be in. */
class InForceTest {
    @TempDir
    Path dir;

    final ConfigLoader loader = new ConfigLoader(name -> null);

    String config(String id, boolean remote) {
        return """
                gateway: {id: %s}
                remote-config: {enabled: %s, require-signature: false, state-dir: %s}
                sensors:
                  - {id: s, driver: simulated, channels: [{id: c, window: 1s}]}
                """.formatted(id, remote, dir.resolve("state"));
    }

    Path local(boolean remote) throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, config("local", remote));
        return f;
    }

    RemoteStore store() {
        return RemoteStore.at(dir.resolve("state"));
    }

    void push(long version, String id, RemoteStore.State state) throws Exception {
        store().add(new Envelope(version, List.of("local"), config(id, true).getBytes(StandardCharsets.UTF_8), null,
                null), state, "test");
    }

    @Test
    void theLocalFileRunsWhileRemoteConfigIsOffInIt() throws Exception {
        Path local = local(false);
        push(4, "pushed", RemoteStore.State.APPLIED);
        InForce f = InForce.atStart(local, loader);
        assertThat(f.source()).isEqualTo(InForce.Source.LOCAL);
        assertThat(f.loaded().config().gateway().id()).isEqualTo("local");
        assertThat(f.why()).isEqualTo("remote-config is off in " + local);
    }

    @Test
    void theHighestAppliedPushedConfigRunsInsteadOfTheLocalFile() throws Exception {
        Path local = local(true);
        assertThat(InForce.atStart(local, loader).why()).contains("no pushed config has been applied");
        push(4, "four", RemoteStore.State.APPLIED);
        push(5, "five", RemoteStore.State.APPLIED);
        push(6, "six", RemoteStore.State.ROLLED_BACK_REPORTED);
        InForce f = InForce.atStart(local, loader);
        assertThat(f.source()).isEqualTo(InForce.Source.PUSHED);
        assertThat(f.version()).isEqualTo(5);
        assertThat(f.file()).isEqualTo(dir.resolve("state/remote-config/5/config.yaml"));
        assertThat(f.loaded().config().gateway().id()).isEqualTo("five");
        assertThat(f.why()).startsWith("version 5, unsigned, applied ").endsWith("; remote-config is on in " + local
                + ", so the pushed config runs instead of it");
        assertThat(f.unreported()).as("its result went out").isNull();
    }

    @Test
    void aStartTakesAVersionWaitingForItOnTrialAndTheNextStartRollsItBackUnlessItPassed() throws Exception {
        Path local = local(true);
        push(4, "four", RemoteStore.State.APPLIED);
        push(5, "five", RemoteStore.State.TRIAL);
        InForce peeked = InForce.peek(local, loader);
        assertThat(peeked.version()).as("a reload or validate changes nothing").isEqualTo(4);
        assertThat(peeked.why()).endsWith("; version 5 waits for the restart that applies it");
        assertThat(store().top().orElseThrow().state()).isEqualTo(RemoteStore.State.TRIAL);

        InForce trial = InForce.atStart(local, loader);
        assertThat(trial.source()).isEqualTo(InForce.Source.TRIAL);
        assertThat(trial.version()).isEqualTo(5);
        assertThat(trial.loaded().config().gateway().id()).isEqualTo("five");
        assertThat(trial.fallback().version()).isEqualTo(4);
        assertThat(store().top().orElseThrow().state()).as("marked before it runs").isEqualTo(RemoteStore.State.STARTED);

        // The process died (or stopped) during the trial: the next start goes back to 4.
        InForce after = InForce.atStart(local, loader);
        assertThat(after.source()).isEqualTo(InForce.Source.PUSHED);
        assertThat(after.version()).isEqualTo(4);
        assertThat(after.unreported()).extracting(RemoteStore.Stored::version).isEqualTo(5L);
        assertThat(after.unreported().why()).startsWith("the gateway stopped while version 5 was on trial");
        assertThat(store().top().orElseThrow().state()).isEqualTo(RemoteStore.State.ROLLED_BACK);
    }

    @Test
    void aPushedConfigThatNoLongerLoadsLeavesTheLocalFileInForce() throws Exception {
        Path local = local(true);
        store().add(new Envelope(4, List.of("local"), "gateway: {id: four}\nsensors: []\n".getBytes(StandardCharsets.UTF_8),
                null, null), RemoteStore.State.APPLIED, "test");
        InForce f = InForce.atStart(local, loader);
        assertThat(f.source()).isEqualTo(InForce.Source.LOCAL);
        assertThat(f.why()).startsWith("pushed version 4 does not load: " + dir.resolve("state/remote-config/4/config.yaml"));
    }

    @Test
    void aTrialThatDoesNotLoadIsRolledBackAtOnce() throws Exception {
        Path local = local(true);
        store().add(new Envelope(8, List.of("local"), "nonsense: [".getBytes(StandardCharsets.UTF_8), null, null),
                RemoteStore.State.TRIAL, "test");
        InForce f = InForce.atStart(local, loader);
        assertThat(f.source()).isEqualTo(InForce.Source.LOCAL);
        assertThat(f.unreported().version()).isEqualTo(8);
        assertThat(f.unreported().why()).startsWith("version 8 does not load: ");
    }
}
