package org.iotgateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's Markdown files, as the docs checks see them: every {@code *.md} under the
 * repository root but build output ({@code target}), installed npm packages ({@code node_modules})
 * and hidden directories ({@code .git}). Tests run in {@code gateway/}, so the root is its parent.
 */
public final class MarkdownFiles {
    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private MarkdownFiles() {
    }

    /** Repository-relative paths, sorted. */
    public static List<Path> all() {
        try (Stream<Path> walk = Files.walk(REPO)) {
            return walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p))
                    .map(REPO::relativize)
                    .filter(MarkdownFiles::included)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path relative) {
        try {
            return Files.readString(REPO.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path relative, String text) {
        try {
            Files.writeString(REPO.resolve(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean included(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
