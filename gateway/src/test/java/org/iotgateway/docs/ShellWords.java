package org.iotgateway.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The simple commands of a shell snippet as the shell would split them into words: lines joined
 * at a trailing backslash, quotes removed, comments dropped, split at {@code ;}, {@code &&},
 * {@code ||} and {@code |}; a leading {@code sudo} and {@code NAME=value} assignments, and
 * redirections, are not part of the command. Enough for the docs' snippets; no expansion. Pure.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<List<String>> commands(String script) {
        List<List<String>> out = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            List<String> words = new ArrayList<>();
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i <= line.length(); i++) {
                char c = i < line.length() ? line.charAt(i) : '\n';
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else if (c != '\n') {
                        word.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (c == '#' && word == null) {
                    break;
                } else if (c == ';' || c == '|' || c == '&' || c == ' ' || c == '\t' || c == '\n') {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                    if (c != ' ' && c != '\t' && c != '\n') {
                        add(out, words);
                        words = new ArrayList<>();
                        while (i + 1 < line.length() && (line.charAt(i + 1) == '|' || line.charAt(i + 1) == '&')) {
                            i++;
                        }
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            add(out, words);
        }
        return out;
    }

    private static void add(List<List<String>> out, List<String> words) {
        List<String> command = new ArrayList<>();
        boolean started = false;
        for (String w : words) {
            if (!started && (w.equals("sudo") || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                continue;
            }
            if (w.matches("\\d?>>?.*|<.*")) {
                continue;
            }
            started = true;
            command.add(w);
        }
        if (!command.isEmpty()) {
            out.add(command);
        }
    }
}
