package org.iotgateway.appliance;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotgateway.testing.GatewayProcess;

/** The source tree under test, its scripts, and the tools they need. */
final class Repo {
    private Repo() {
    }

    /** The repository root: three levels above gateway/target/iot-gateway.jar. */
    static Path root() {
        return Path.of(GatewayProcess.jar()).toAbsolutePath().getParent().getParent().getParent();
    }

    static String script(String name) {
        return root().resolve("scripts").resolve(name).toString();
    }

    /**
     * Skips the test when a tool is missing, saying so loudly: scripts/test.sh installs all of
     * them, so a skip here means the machine could not install it.
     */
    static void requireTools(String... tools) throws IOException, InterruptedException {
        for (String tool : tools) {
            boolean found = Cmd.run("bash", "-c", "command -v " + tool).exit() == 0;
            if (!found) {
                System.err.println("!!! SKIPPING: '" + tool + "' is not installed; scripts/test.sh installs it (as root)");
            }
            assumeThat(found).as("tool %s installed", tool).isTrue();
        }
    }

    /** Builds the .deb into DIR with the given version (and optionally another shipped config). */
    static Path buildDeb(Path dir, String version, Path conffile) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(script("build-deb.sh"), "--version", version, "--output", dir.toString()));
        if (conffile != null) {
            cmd.addAll(List.of("--conffile", conffile.toString()));
        }
        Cmd.run(Map.of("IOT_GATEWAY_JAR", GatewayProcess.jar()), cmd.toArray(String[]::new)).ok();
        return dir.resolve("iot-gateway_" + version + "_all.deb");
    }
}
