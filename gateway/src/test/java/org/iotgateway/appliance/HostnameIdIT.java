package org.iotgateway.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.iotgateway.testing.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway.id: ${HOSTNAME}} through the installed launcher with the environment systemd gives
 * a service, which has no HOSTNAME: bash knows the name but does not export it, so the launcher must.
 */
class HostnameIdIT {
    @Test
    void hostnameIsSubstitutedWithoutItInTheEnvironment(@TempDir Path dir) throws Exception {
        Path launcher = Files.createDirectories(dir.resolve("usr/bin")).resolve("iot-gateway");
        Files.copy(Repo.root().resolve("scripts/iot-gateway"), launcher);
        Path config = Files.writeString(dir.resolve("gateway.yaml"), """
                gateway: {id: "${HOSTNAME}"}
                sensors:
                  - id: s
                    driver: simulated
                    channels: [{id: c}]
                """);
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "validate", "--config", config.toString())
                .redirectErrorStream(true);
        pb.environment().remove("HOSTNAME");
        pb.environment().put("IOT_GATEWAY_JAR", GatewayProcess.jar());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String host = InetAddress.getLocalHost().getHostName();
        assertThat(out).contains("OK (gateway " + host.split("\\.")[0]);
    }
}
