package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor does with the schema, asked of the real thing: yaml-language-server (the server
 * VS Code's YAML extension runs; pinned in src/test/editor/package-lock.json, installed with npm ci
 * there when missing) opens our YAML through its first-line {@code $schema} and is asked for
 * completions and diagnostics over LSP by a small client (src/test/editor/lsp-client.js). Without
 * node and npm the test fails; it never skips.
 */
class EditorSchemaIT {
    static final Path TOOLS = Path.of("src/test/editor").toAbsolutePath();

    @BeforeAll
    static void installTheLanguageServer() throws Exception {
        if (!Files.isDirectory(TOOLS.resolve("node_modules/yaml-language-server"))) {
            Result npm = run(TOOLS, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
            assertThat(npm.exit).as("npm ci in " + TOOLS + " (scripts/test.sh installs node and npm): " + npm.output).isZero();
        }
    }

    /** Each driver's params and each filter's keys are offered where they belong, and only there. */
    @Test
    void completesParamsPerDriverAndKeysPerFilter(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("gw.yaml"), """
                # yaml-language-server: $schema=%s
                gateway: {id: g}
                sensors:
                  - id: env
                    driver: bme280
                    params:
                      mode: forced
                    channels:
                      - id: temperature
                        filters:
                          - type: hampel
                            k: 3
                  - id: board
                    driver: serial
                    params:
                      port: /dev/ttyUSB0
                    channels: [{id: t}]
                """.formatted(ConfigSchema.FILE));
        JsonNode r = ask(yaml, "7:7", "12:13", "16:7");
        assertThat(labels(r, "7:7")).contains("bus", "address", "oversampling", "interval", "provider")
                .doesNotContain("rate", "port", "pin");
        assertThat(labels(r, "12:13")).contains("window").doesNotContain("threshold", "min");
        assertThat(labels(r, "16:7")).contains("baud", "parser", "fields", "delimiter").doesNotContain("interval");
    }

    @Test
    void flagsWhatTheLoaderRefusesWithTheirLines(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("gw.yaml"), """
                # yaml-language-server: $schema=%s
                gateway: {id: g}
                mqtt: {keep-alive: 30 seconds}
                sensors:
                  - id: sim
                    driver: simulated
                    params: {interval: 10s}
                    channels: [{id: c, filters: [{type: range, threshold: 1}]}]
                """.formatted(ConfigSchema.FILE));
        List<String> diagnostics = diagnostics(ask(yaml));
        assertThat(diagnostics).anySatisfy(d -> assertThat(d).startsWith("3:20 ").contains("pattern"))
                .anySatisfy(d -> assertThat(d).startsWith("7:14 ").contains("interval"))
                .anySatisfy(d -> assertThat(d).startsWith("8:48 ").contains("threshold"));
    }

    /**
     * The shipped files, in the repository's layout so their relative {@code $schema} lines resolve,
     * with one unknown key added: it must be the only thing the editor flags (which also proves the
     * schema was found and applied).
     */
    @Test
    void theShippedConfigsAreCleanInTheEditor(@TempDir Path dir) throws Exception {
        Path config = RecordJavadoc.REPO.resolve("config");
        List<Path> files;
        try (Stream<Path> s = Files.walk(config)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Path schema = dir.resolve("config").resolve(config.relativize(ConfigSchema.FILE));
        Files.createDirectories(schema.getParent());
        Files.copy(ConfigSchema.FILE, schema);
        for (Path f : files) {
            Path copy = dir.resolve("config").resolve(config.relativize(f));
            Files.createDirectories(copy.getParent());
            String text = Files.readString(f);
            Files.writeString(copy, text + (text.endsWith("\n") ? "" : "\n") + "not-a-key: 1\n");
            int last = (int) text.lines().count() + 1;
            assertThat(diagnostics(ask(copy))).as(config.relativize(f).toString())
                    .singleElement().asString().startsWith(last + ":1 ").contains("not-a-key");
        }
    }

    private static JsonNode ask(Path yaml, String... positions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("node", TOOLS.resolve("lsp-client.js").toString(), yaml.toString()));
        cmd.addAll(List.of(positions));
        Result r = run(TOOLS, cmd.toArray(String[]::new));
        assertThat(r.exit).as(r.output).isZero();
        String last = r.output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no answer from the language server: " + r.output));
        return ConfigSchemaTest.JSON.readTree(last);
    }

    private static List<String> labels(JsonNode answer, String position) {
        List<String> out = new ArrayList<>();
        answer.path("completions").path(position).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> diagnostics(JsonNode answer) {
        assertThat(answer.path("diagnostics").isArray()).as("the server published diagnostics: " + answer).isTrue();
        List<String> out = new ArrayList<>();
        answer.path("diagnostics").forEach(n -> out.add(n.asText()));
        return out;
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), out);
    }
}
