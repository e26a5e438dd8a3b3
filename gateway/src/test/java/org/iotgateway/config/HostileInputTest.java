package org.iotgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file may come from anywhere: each attack is refused quickly, with a clear message. */
class HostileInputTest {
    private static final Duration QUICK = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void billionLaughsIsRefusedAtTheFirstAlias() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String prev = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ", List.of(
                    prev, prev, prev, prev, prev, prev, prev, prev, prev))).append("]\n");
        }
        List<String> problems = assertTimeoutPreemptively(QUICK, () -> new ConfigFiles(dir).problems(yaml.toString()));

        assertThat(problems).containsExactly("gw.yaml:2:8: YAML aliases (*a) are not supported; write the value out");
    }

    @Test
    void mergeKeysAreAliasesToo() throws Exception {
        assertThat(new ConfigFiles(dir).problems("base: &b {id: g}\ngateway:\n  <<: *b\n"))
                .containsExactly("gw.yaml:3:7: YAML aliases (*b) are not supported; write the value out");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "gateway: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        List<String> problems = assertTimeoutPreemptively(QUICK, () -> new ConfigFiles(dir).problems(yaml));

        assertThat(problems).singleElement().asString().startsWith("gw.yaml:1:").containsIgnoringCase("nest");
    }

    @Test
    void oversizedFileIsRefusedBeforeParsing() {
        String yaml = "gateway: {id: g}\nx: \"" + "a".repeat(ConfigLoader.MAX_BYTES) + "\"\n";
        List<String> problems = assertTimeoutPreemptively(QUICK, () -> new ConfigFiles(dir).problems(yaml));

        assertThat(problems).containsExactly("gw.yaml: is larger than 1 MB; refusing to parse it");
    }

    @Test
    void binaryGarbageIsRefused() throws Exception {
        Path file = java.nio.file.Files.write(dir.resolve("gw.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThat(new ConfigFiles(dir).problems(file)).containsExactly("gw.yaml: is not UTF-8 text");
    }

    @Test
    void manyMistakesAreCappedNotUnbounded() throws Exception {
        String yaml = "gateway: {id: g}\n" + buildUnknownKeys(500);
        assertThat(new ConfigFiles(dir).problems(yaml)).hasSize(Problems.LIMIT);
    }

    private static String buildUnknownKeys(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("junk").append(i).append(": 1\n");
        }
        return b.toString();
    }
}
