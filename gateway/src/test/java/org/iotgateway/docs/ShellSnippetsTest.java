package org.iotgateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iotgateway.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The shell snippets in the Markdown pages name commands that exist: every {@code iot-gateway ...}
 * command line in a {@code sh} block parses with the real command line (subcommand, options, their
 * values; nothing is run), and every repository script or config file a snippet names
 * ({@code scripts/...}, {@code config/...}) is there.
 */
class ShellSnippetsTest {
    private static final Set<String> SHELL = Set.of("sh", "bash", "shell", "console");

    @Test
    void everyIotGatewayCommandLineParsesAndEveryRepositoryFileExists() {
        List<String> wrong = new ArrayList<>();
        int commands = 0;
        for (var page : MarkdownFiles.all()) {
            for (Markdown.CodeBlock block : Markdown.codeBlocks(MarkdownFiles.read(page))) {
                if (!SHELL.contains(block.language())) {
                    continue;
                }
                for (List<String> command : ShellWords.commands(block.text())) {
                    String where = page + ":" + block.line() + ": " + String.join(" ", command) + ": ";
                    for (String word : command) {
                        if (word.matches("(scripts|config)/[^*?]+") && !Files.exists(MarkdownFiles.REPO.resolve(word))) {
                            wrong.add(where + word + " is not in the repository");
                        }
                    }
                    if (command.get(0).equals("iot-gateway") || command.get(0).endsWith("/iot-gateway")) {
                        commands++;
                        try {
                            Main.commandLine().parseArgs(command.subList(1, command.size()).toArray(String[]::new));
                        } catch (CommandLine.ParameterException e) {
                            wrong.add(where + e.getMessage());
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(commands).as("iot-gateway command lines checked").isGreaterThan(3);
    }

    @Test
    void wordsAreSplitAsTheShellSplitsThem() {
        assertThat(ShellWords.commands("sudo X=1 iot-gateway tail --broker tcp://b:1883 'sensors/#'   # a comment\n"
                + "scripts/flash.sh --image a.img \\\n   --config g.yaml && echo \"done it\" | wc -l 2>/dev/null\n"))
                .containsExactly(List.of("iot-gateway", "tail", "--broker", "tcp://b:1883", "sensors/#"),
                        List.of("scripts/flash.sh", "--image", "a.img", "--config", "g.yaml"),
                        List.of("echo", "done it"), List.of("wc", "-l"));
    }
}
