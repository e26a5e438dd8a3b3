package org.iotgateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/browser/status-page.mjs}: Debian's Chromium, driven by playwright-core from
 * npm, opens the page and reports what it shows. Installs the pinned npm package (npm ci) when it
 * is missing; Chromium itself must be installed ({@code scripts/test.sh} does it as root): a
 * missing browser fails the test, it never skips it.
 */
final class PageInChromium {
    static final Path TOOLS = Path.of("src/test/browser").toAbsolutePath();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private PageInChromium() {
    }

    /**
     * @param user basic-auth user and password the browser answers with
     * @param secondsBetween how long the page runs between its two readings
     * @return the script's observations: status, title, first, second, problems
     */
    static JsonNode open(String url, String user, String password, Path screenshot, int secondsBetween)
            throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing: run scripts/test.sh (installs it as root) or "
                    + "apt-get install chromium");
        }
        if (!Files.isDirectory(TOOLS.resolve("node_modules/playwright-core"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of(), 180);
        }
        String out = run(List.of("node", TOOLS.resolve("status-page.mjs").toString(), url, screenshot.toString(),
                String.valueOf(secondsBetween)), Map.of("PAGE_USER", user, "PAGE_PASSWORD", password), 90 + secondsBetween);
        String last = out.lines().reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no output from the browser script"));
        return new ObjectMapper().readTree(last);
    }

    private static String run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("page-in-chromium", ".out");
        Path err = Files.createTempFile("page-in-chromium", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(TOOLS.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s:\n"
                        + Files.readString(err));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n"
                        + Files.readString(out) + "\n" + Files.readString(err));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
