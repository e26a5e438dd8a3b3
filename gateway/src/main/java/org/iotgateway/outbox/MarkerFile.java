package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A number kept outside the H2 file, as the NAME of an empty file next to it
 * ({@code <outbox>.<kind>-<N>}): an empty file needs an inode but no data block, so it can be
 * created on a full disk, and it survives whatever happens to the H2 file, including H2 reopening
 * an older state than its last fsync after an unclean stop (LIBRARY-NOTES, H2). A raise is
 * durable when it returns: the directory is fsynced after the marker is renamed or created. Other
 * lower markers are then removed without an fsync: one that survives a crash is lower, and only
 * the highest counts.
 * Kinds:
 * <ul>
 * <li>{@link #unstored}: exists only while the store is unusable. Before a seq is published
 * without being stored, a marker covers it; a start that finds one resumes above it, so a crash
 * during the outage cannot let the next run reuse a published seq.</li>
 * <li>{@link #reserved}: the seq ceiling ({@link SeqReservation}): no seq above it has been
 * committed or published. A start after an unclean stop resumes above it; when the H2 file is
 * unreadable and replaced, it is the only record of how far seq had got.</li>
 * <li>{@link #boot} and {@link #cleanStop}: the run number, and the run that stopped cleanly
 * ({@link OutboxRuns}).</li>
 * </ul>
 * Threads: the opening thread, then the writer thread only (the closing thread after it stopped);
 * {@link #ceiling} any thread.
 */
final class MarkerFile {
    private static final Logger log = LoggerFactory.getLogger(MarkerFile.class);

    private final Path base;
    private final String prefix;
    private final LogLimiter failureLog = new LogLimiter(Duration.ofSeconds(60));
    private volatile long ceiling;

    private MarkerFile(Path base, String kind) {
        this.base = base;
        this.prefix = base.getFileName() + "." + kind + "-";
    }

    static MarkerFile unstored(Path base) {
        return new MarkerFile(base, "unstored");
    }

    static MarkerFile reserved(Path base) {
        return new MarkerFile(base, "seq-reserved");
    }

    static MarkerFile boot(Path base) {
        return new MarkerFile(base, "boot");
    }

    static MarkerFile cleanStop(Path base) {
        return new MarkerFile(base, "clean-stop");
    }

    /** The highest number on disk (left by a previous run, or raised by this one), or 0. */
    long highest() throws IOException {
        long max = 0;
        for (Path p : markers()) {
            max = Math.max(max, numberOf(p));
        }
        return max;
    }

    /**
     * Makes sure a marker covers {@code seq}, creating one {@code block} above it if needed.
     *
     * @return the ceiling now: the highest seq covered, or 0 if no marker could be created
     */
    long cover(long seq, long block) {
        if (seq > ceiling) {
            raiseTo(seq + block);
        }
        return ceiling;
    }

    /**
     * Renames the highest lower marker to {@code n} (or creates it), fsyncs the directory, and
     * removes other lower ones. A rename is atomic (the old number or the new one, never neither)
     * and cheaper on the disk than a create and a delete: 5.1 vs 8.2 KB per raise with its fsync on
     * ext4 (a loop device, sync -f, 200 raises).
     *
     * @return false if it could not be created or made durable (logged, at most once a minute)
     */
    boolean raiseTo(long n) {
        Path p = base.resolveSibling(prefix + n);
        try {
            List<Path> existing = markers();
            if (!existing.contains(p)) {
                Path lower = existing.stream().filter(m -> numberOf(m) < n)
                        .max(java.util.Comparator.comparingLong(this::numberOf)).orElse(null);
                if (lower != null) {
                    Files.move(lower, p, StandardCopyOption.ATOMIC_MOVE);
                    existing.remove(lower);
                } else {
                    Files.createFile(p);
                }
            }
            DiskSync.directory(p.getParent());
            ceiling = n;
            for (Path old : existing) {
                if (numberOf(old) < n) {
                    Files.deleteIfExists(old);
                }
            }
            return true;
        } catch (IOException e) {
            if (failureLog.tryAcquire() >= 0) {
                log.error("cannot create or tidy the marker {} ({}); it stays at {}", p, e.toString(), ceiling);
            }
            return false;
        }
    }

    long ceiling() {
        return ceiling;
    }

    /** Removes every marker of this kind, durably (a survivor would only cost a gap, never a reuse). */
    void clear() throws IOException {
        List<Path> all = markers();
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
        if (!all.isEmpty()) {
            DiskSync.directory(base.getParent());
        }
        ceiling = 0;
    }

    /** Only called on names {@link #markers} accepted: the prefix and digits. */
    private long numberOf(Path p) {
        try {
            return Long.parseLong(p.getFileName().toString().substring(prefix.length()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // more digits than a long: keep it, never "lower"
        }
    }

    private List<Path> markers() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = base.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        // A filter, not a glob: the configured file name may contain glob characters.
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> p.getFileName().toString().startsWith(prefix)
                && p.getFileName().toString().length() > prefix.length()
                && p.getFileName().toString().substring(prefix.length()).chars().allMatch(Character::isDigit))) {
            s.forEach(out::add);
        }
        return out;
    }
}
