package org.iotgateway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.remote.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check's remote-config lines: a good key, a private key given as the anchor, a missing one, the state dir. */
class RemoteConfigChecksTest {
    @TempDir
    Path dir;

    private List<CheckResult> run(String remote) throws Exception {
        ConfigLoader.Loaded loaded = new ConfigLoader().parseLoaded("g.yaml", "gateway: {id: g}\n"
                + "remote-config: {enabled: true, " + remote + "}\n"
                + "sensors: [{id: s, driver: simulated, channels: [{id: c}]}]\n");
        List<CheckResult> out = new ArrayList<>();
        new RemoteConfigChecks().run(loaded, out::add);
        return out;
    }

    @Test
    void eachTrustedKeyAndTheStateDirectoryGetALine() throws Exception {
        TestKeys.write(dir, "ops");
        List<CheckResult> out = run("trusted-keys: [" + dir.resolve("ops.pub") + ", " + dir.resolve("ops.key") + ", "
                + dir.resolve("gone.pub") + "], state-dir: " + dir.resolve("state"));
        assertThat(out).extracting(CheckResult::outcome).containsExactly(CheckResult.Outcome.OK,
                CheckResult.Outcome.FAIL, CheckResult.Outcome.FAIL, CheckResult.Outcome.OK);
        assertThat(out.get(0).detail()).matches("Ed25519 public key [0-9a-f]{16}");
        assertThat(out.get(1).detail()).contains("holds a private key");
        assertThat(out.get(2).fix()).contains("iot-gateway config keygen");
        assertThat(out.get(3).detail()).isEqualTo("created at the first push");
        Files.createDirectories(dir.resolve("state"));
        assertThat(run("trusted-keys: [" + dir.resolve("ops.pub") + "], state-dir: " + dir.resolve("state")).get(1)
                .detail()).isEqualTo("writable");
    }

    @Test
    void unsignedConfigsAreAWarningAndAFileIsNoStateDirectory() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        List<CheckResult> out = run("require-signature: false, state-dir: " + dir.resolve("file"));
        assertThat(out).extracting(CheckResult::outcome).containsExactly(CheckResult.Outcome.WARN,
                CheckResult.Outcome.FAIL);
        assertThat(out.get(0).detail()).contains("anyone who may publish to the config topic");
        assertThat(out.get(1).detail()).endsWith("is not a directory");
    }
}
