package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps seqs published while the store was unusable from being reused by a later run. The store
 * could not record them, so a crash before it recovers would let the next start hand them out
 * again, and subscribers deduplicating on (gateway, seq) would drop the new aggregates. Before any
 * such seq is published, an empty file {@code <outbox>.unstored-<N>} is created next to the store:
 * N is a ceiling above that seq. An empty file needs an inode but no data block, so it can be
 * created on a full disk. At open, seq resumes above the highest ceiling found; the files are
 * removed once the store has durably recorded a seq above them.
 * <p>
 * Threads: the opening thread, then the writer thread only.
 */
final class UnstoredSeqMarker {
    private static final Logger log = LoggerFactory.getLogger(UnstoredSeqMarker.class);
    private static final String INFIX = ".unstored-";

    private final Path base;
    private final LogLimiter failureLog = new LogLimiter(Duration.ofSeconds(60));
    private Path current;
    private volatile long ceiling;

    UnstoredSeqMarker(Path base) {
        this.base = base;
    }

    /** The highest ceiling a previous run left, or 0. */
    long leftByPreviousRun() throws IOException {
        long max = 0;
        for (Path p : markers()) {
            String name = p.getFileName().toString();
            try {
                max = Math.max(max, Long.parseLong(name.substring(name.lastIndexOf('-') + 1)));
            } catch (NumberFormatException e) {
                log.warn("ignoring {}: not a seq marker", p);
            }
        }
        return max;
    }

    /**
     * Makes sure a marker covers {@code seq}, creating one {@code block} above it if needed.
     *
     * @return the highest seq that may be published without the store: the ceiling, or 0 if no
     *         marker could be created
     */
    long cover(long seq, long block) {
        if (seq <= ceiling) {
            return ceiling;
        }
        long next = seq + block;
        Path p = base.resolveSibling(base.getFileName() + INFIX + next);
        try {
            Files.createFile(p);
            Path old = current;
            current = p;
            ceiling = next;
            if (old != null) {
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            if (failureLog.tryAcquire() >= 0) {
                log.error("cannot create {} ({}): aggregates above seq {} are held, not published, until the"
                        + " store is back", p, e.toString(), ceiling);
            }
        }
        return ceiling;
    }

    long ceiling() {
        return ceiling;
    }

    /** The store recorded a seq above every ceiling: the markers are no longer needed. */
    void clear() throws IOException {
        for (Path p : markers()) {
            Files.deleteIfExists(p);
        }
        current = null;
        ceiling = 0;
    }

    private List<Path> markers() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = base.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        // A filter, not a glob: the configured file name may contain glob characters.
        String prefix = base.getFileName() + INFIX;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix))) {
            s.forEach(out::add);
        }
        return out;
    }
}
