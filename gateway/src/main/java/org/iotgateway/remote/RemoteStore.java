package org.iotgateway.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pushed configs kept in {@code STATE-DIR/remote-config/}, one directory per version:
 *
 * <pre>
 * 42/config.yaml     the YAML as pushed (its sha256sum is the status message's config hash)
 * 42/envelope.json   the envelope as received: version, targets, key id, signature
 * 42/state           trial | started | applied | rolled-back | rolled-back-reported, then a line saying why
 * </pre>
 *
 * A version's directory is written whole under {@code 42.tmp} and renamed into place; its state
 * file is replaced atomically ({@link AtomicFiles}). So after a crash a version is there complete or
 * not at all, and its state is the old or the new one. The highest version present is the floor
 * for the next push; the highest {@code applied} one is the config in force.
 * <p>
 * Threads: the config thread (and start-up, {@code validate}); blocks on disk I/O.
 */
public final class RemoteStore {
    /** A version's state. */
    public enum State {
        /** Written, waiting for the restart that applies it. */
        TRIAL("trial"),
        /** Running on trial: a start that finds this rolls it back (the trial ended without passing). */
        STARTED("started"),
        /** Passed its health check: in force while it is the highest applied version. */
        APPLIED("applied"),
        /** Failed its health check; its result message is not yet sent. */
        ROLLED_BACK("rolled-back"),
        /** Failed its health check; the result message went out. */
        ROLLED_BACK_REPORTED("rolled-back-reported");

        final String word;

        State(String word) {
            this.word = word;
        }

        static State of(String word) {
            for (State s : values()) {
                if (s.word.equals(word)) {
                    return s;
                }
            }
            return null;
        }

        boolean rolledBack() {
            return this == ROLLED_BACK || this == ROLLED_BACK_REPORTED;
        }
    }

    /** One kept version: its directory, state and the reason given with the state. */
    public record Stored(long version, Path dir, State state, String why, Instant at) {
        public Path yaml() {
            return dir.resolve("config.yaml");
        }

        /** The config hash of the kept YAML, or "" when it cannot be read. */
        String sha256() {
            try {
                return org.iotgateway.config.ConfigLoader.sha256(Files.readAllBytes(yaml()));
            } catch (IOException e) {
                return "";
            }
        }
    }

    private final Path root;
    private final AtomicFiles.CrashPoint crash;

    RemoteStore(Path stateDir, AtomicFiles.CrashPoint crash) {
        this.root = stateDir.resolve("remote-config");
        this.crash = crash;
    }

    public static RemoteStore at(Path stateDir) {
        return new RemoteStore(stateDir, AtomicFiles.CrashPoint.NONE);
    }

    public Path root() {
        return root;
    }

    /** Every complete version, lowest first; leftovers of an interrupted write are ignored. */
    public List<Stored> versions() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Stored> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (name.matches("[1-9][0-9]{0,18}") && Files.isDirectory(d)) {
                    Stored s = read(Long.parseLong(name), d);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        out.sort(Comparator.comparingLong(Stored::version));
        return out;
    }

    /** The highest version kept, or empty. */
    public Optional<Stored> top() {
        List<Stored> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The highest applied version: the pushed config in force, or empty (the local file is). */
    public Optional<Stored> applied() {
        return versions().stream().filter(s -> s.state == State.APPLIED).reduce((a, b) -> b);
    }

    /** Adds a version in {@code state}: complete, or (after a crash) not at all. */
    void add(Envelope e, State state, String why) throws IOException {
        Files.createDirectories(root);
        Path tmp = root.resolve(e.version() + ".tmp");
        deleteTree(tmp);
        Files.createDirectory(tmp);
        AtomicFiles.writeSynced(tmp.resolve("config.yaml"), e.yaml(), crash);
        AtomicFiles.writeSynced(tmp.resolve("envelope.json"), e.toJson(), crash);
        AtomicFiles.writeSynced(tmp.resolve("state"), stateBytes(state, why), crash);
        AtomicFiles.moveDirectory(tmp, root.resolve(Long.toString(e.version())), crash);
    }

    /** Replaces a version's state. */
    void mark(long version, State state, String why) throws IOException {
        AtomicFiles.write(root.resolve(Long.toString(version)).resolve("state"), stateBytes(state, why), crash);
    }

    /** Removes a version that was never applied (refused while being applied): its number may be pushed again. */
    void remove(long version) throws IOException {
        deleteTree(root.resolve(Long.toString(version)));
        AtomicFiles.syncDirectory(root);
    }

    /** Keeps the version in force and the highest (the floor for the next push); removes the others and leftovers. */
    void prune() throws IOException {
        long inForce = applied().map(Stored::version).orElse(0L);
        long top = top().map(Stored::version).orElse(0L);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                boolean keep = name.equals(Long.toString(inForce)) || name.equals(Long.toString(top));
                if (!keep && (name.matches("[0-9]+") || name.endsWith(".tmp"))) {
                    deleteTree(d);
                }
            }
        }
    }

    private static byte[] stateBytes(State state, String why) {
        String line = why == null ? "" : why.replace('\n', ' ');
        return (state.word + "\n" + Instant.now() + " " + line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Stored read(long version, Path dir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("state"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        State state = lines.isEmpty() ? null : State.of(lines.get(0).trim());
        if (state == null || !Files.isRegularFile(dir.resolve("config.yaml"))) {
            return null;
        }
        String second = lines.size() > 1 ? lines.get(1) : "";
        int space = second.indexOf(' ');
        Instant at = null;
        try {
            at = Instant.parse(space < 0 ? second : second.substring(0, space));
        } catch (java.time.format.DateTimeParseException ignored) {
            // an older or hand-edited state file: no time
        }
        return new Stored(version, dir, state, space < 0 ? "" : second.substring(space + 1), at);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
