package org.iotgateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iotgateway.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every YAML snippet in the Markdown pages is a config that {@code iot-gateway validate --strict}
 * accepts: the real command, run in this JVM on the snippet written to a file. A snippet marked
 * {@code ```yaml fragment} shows a part of a config: it is checked with what it lacks of
 * {@code gateway} and {@code sensors} added from a minimal config, so its keys, values and ranges
 * are checked all the same. Nothing else is exempt (scripts/README.md, "Docs checks").
 */
class YamlSnippetsTest {
    static final String FRAGMENT = "fragment";
    private static final String GATEWAY = "gateway: {id: docs}\n";
    private static final String SENSORS = "sensors: [{id: s, driver: simulated, channels: [{id: c}]}]\n";

    @TempDir
    Path dir;

    @Test
    void everyYamlSnippetValidates() throws Exception {
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (Path page : MarkdownFiles.all()) {
            for (Markdown.CodeBlock block : Markdown.codeBlocks(MarkdownFiles.read(page))) {
                if (!block.language().equals("yaml")) {
                    continue;
                }
                List<String> markers = block.markers();
                assertThat(markers).as(page + ":" + block.line() + ": the only marker of a yaml snippet is '"
                        + FRAGMENT + "'").allMatch(FRAGMENT::equals);
                String config = markers.contains(FRAGMENT) ? completed(block.text()) : block.text();
                String where = page + ":" + block.line();
                Path file = dir.resolve("snippet-" + checked + ".yaml");
                Files.writeString(file, config);
                String output = validate(file);
                if (output != null) {
                    invalid.add(where + " (its line N is line N of the snippet" + (markers.isEmpty() ? "" : ", marked "
                            + FRAGMENT) + "):\n" + output.replace(file.toString(), "snippet"));
                }
                checked++;
            }
        }
        assertThat(invalid).as("YAML snippets that `iot-gateway validate --strict` refuses").isEmpty();
        assertThat(checked).as("YAML snippets checked").isGreaterThan(5);
    }

    /** The fragment, followed by the top-level keys a config needs and it lacks. */
    static String completed(String fragment) throws Exception {
        JsonNode tree = new YAMLMapper().readTree(fragment);
        StringBuilder out = new StringBuilder(fragment);
        if (tree == null || !tree.has("gateway")) {
            out.append(GATEWAY);
        }
        if (tree == null || !tree.has("sensors")) {
            out.append(SENSORS);
        }
        return out.toString();
    }

    /** What validate printed when it refused the file, or null when it exited 0. */
    private static String validate(Path file) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int status;
        try {
            System.setOut(capture);
            System.setErr(capture);
            status = Main.execute("validate", "--strict", "--config", file.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return status == 0 ? null : "exit status " + status + "\n" + printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFragmentGetsOnlyWhatItLacks() throws Exception {
        assertThat(completed("http: {listen: 127.0.0.1:8080}\n")).isEqualTo("http: {listen: 127.0.0.1:8080}\n" + GATEWAY + SENSORS);
        assertThat(completed("gateway: {id: g}\n")).isEqualTo("gateway: {id: g}\n" + SENSORS);
        assertThat(completed("# a comment only\n")).endsWith(GATEWAY + SENSORS);
    }
}
