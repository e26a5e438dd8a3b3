package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd-analyze on the units in systemd/: they verify against a root that has the host's
 * system units and stubs of the binaries they run, and the service's exposure score is "OK".
 */
class SystemdUnitsIT {
    private static final List<String> UNITS = List.of("iot-gateway.service", "iot-gateway-backoff.timer", "iot-gateway-firstboot.service");

    @BeforeAll
    static void tools() throws Exception {
        Repo.requireTools("systemd-analyze");
    }

    /** A root with the host's targets and slices, stub ExecStart binaries and our units. */
    private static Path verifyRoot(Path dir, Path unitDir) throws Exception {
        Path units = Files.createDirectories(dir.resolve("lib/systemd/system"));
        Cmd.bash(java.util.Map.of("U", units.toString()),
                "find /lib/systemd/system -maxdepth 1 -type f \\( -name '*.target' -o -name '*.slice' \\) -exec cp -t \"$U\" {} +").ok();
        for (String binary : List.of("usr/bin/iot-gateway", "bin/sh", "bin/kill")) {
            Path bin = Files.createDirectories(dir.resolve(binary).getParent()).resolve(Path.of(binary).getFileName());
            Files.writeString(bin, "#!/bin/sh\n");
            bin.toFile().setExecutable(true);
        }
        for (String unit : UNITS) {
            Files.copy(unitDir.resolve(unit), units.resolve(unit));
        }
        return dir;
    }

    private static Cmd.Result verify(Path root) throws Exception {
        String[] cmd = {"systemd-analyze", "verify", "--man=no", "--root=" + root};
        return Cmd.run(java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), UNITS.stream()).toArray(String[]::new));
    }

    @Test
    void unitsVerify(@TempDir Path dir) throws Exception {
        Cmd.Result r = verify(verifyRoot(dir, Repo.root().resolve("systemd")));
        assertThat(r.output()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void verifyCatchesABrokenUnit(@TempDir Path dir) throws Exception {
        Path broken = Files.createDirectories(dir.resolve("units"));
        for (String unit : UNITS) {
            Files.copy(Repo.root().resolve("systemd").resolve(unit), broken.resolve(unit));
        }
        Path service = broken.resolve("iot-gateway.service");
        Files.writeString(service, Files.readString(service).replace("ExecStart=/usr/bin/iot-gateway", "ExecStart=/usr/bin/no-such-gateway"));
        Cmd.Result r = verify(verifyRoot(dir.resolve("root"), broken));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("no-such-gateway");
    }

    @Test
    void exposureScoreIsOk() throws Exception {
        Cmd.Result r = Cmd.run("systemd-analyze", "security", "--offline=true", "--no-pager",
                Repo.root().resolve("systemd/iot-gateway.service").toString());
        Matcher m = Pattern.compile("Overall exposure level for iot-gateway.service: (\\d+\\.\\d) (\\w+)").matcher(r.output());
        assertThat(m.find()).as(r.output()).isTrue();
        System.out.println("systemd-analyze security: " + m.group(0));
        assertThat(Double.parseDouble(m.group(1))).isLessThanOrEqualTo(2.5);
        assertThat(m.group(2)).isEqualTo("OK");
    }

    @Test
    void shellScriptsParse() throws Exception {
        for (String script : List.of("scripts/deb/postinst", "scripts/deb/prerm", "scripts/deb/postrm", "systemd/iot-gateway-firstboot.sh")) {
            Cmd.Result r = Cmd.run("sh", "-n", Repo.root().resolve(script).toString());
            assertThat(r.exit()).as(script + ": " + r.output()).isZero();
        }
    }
}
