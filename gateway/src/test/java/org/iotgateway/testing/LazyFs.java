package org.iotgateway.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Jepsen's LazyFS mounted over a directory: a FUSE file system that keeps every write in its own
 * cache until it is fsynced, and throws away everything unsynced on {@link #clearCache()}, which
 * is what a power cut does to the page cache. SIGKILL the program, clear the cache, restart it:
 * a power cut at that instant. Built from the sources in {@code LAZYFS_SRC} (default
 * {@code ../shared/tools/lazyfs} next to the repository) by their own {@code build.sh}.
 * <p>
 * Without /dev/fuse, root, fusermount3 or the sources, {@link #mount} aborts the calling test
 * with the reason (a skip, never a pass). Known limits of the tool (its README): file creation and
 * rename are durable at once, and writes are never torn. Not thread-safe: the test thread only.
 */
public final class LazyFs implements AutoCloseable {
    private static final String CLEAR = "lazyfs::clear-cache\n";
    private static final String CLEARED = "finished::clear-cache";

    private final Path mountPoint;
    private final Process process;
    private final Path faults;
    private final RandomAccessFile completed;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private LazyFs(Path mountPoint, Process process, Path faults, RandomAccessFile completed) {
        this.mountPoint = mountPoint;
        this.process = process;
        this.faults = faults;
        this.completed = completed;
        Thread reader = new Thread(this::readAnswers, "lazyfs-answers");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAnswers() {
        try {
            for (String line = completed.readLine(); line != null; line = completed.readLine()) {
                answers.add(line);
            }
        } catch (IOException closed) {
            // close() closed the FIFO
        }
    }

    /**
     * Where the sources are: {@code LAZYFS_SRC} (relative to the repository root, as scripts/test.sh
     * reads it), else {@code ../shared/tools/lazyfs} from the repository root.
     */
    public static Path sources(Path repoRoot) {
        String env = System.getenv("LAZYFS_SRC");
        return repoRoot.resolve(env != null && !env.isBlank() ? env : "../shared/tools/lazyfs").normalize();
    }

    /** Builds LazyFS if needed and mounts it on {@code mountPoint}, its files kept in {@code work}/root. */
    public static LazyFs mount(Path sources, Path mountPoint, Path work) throws Exception {
        Path binary = build(sources);
        Files.createDirectories(mountPoint);
        Path root = Files.createDirectories(work.resolve("root"));
        Path faults = work.resolve("faults.fifo");
        Path done = work.resolve("completed.fifo");
        for (Path fifo : List.of(faults, done)) {
            String out = run(List.of("mkfifo", fifo.toString()));
            if (!out.isEmpty()) {
                throw new IllegalStateException(out);
            }
        }
        Path conf = work.resolve("lazyfs.toml");
        Files.writeString(conf, """
                [faults]
                fifo_path="%s"
                fifo_path_completed="%s"
                [cache]
                apply_eviction=false
                [cache.simple]
                custom_size="256mb"
                blocks_per_page=1
                [filesystem]
                log_all_operations=false
                logfile=""
                """.formatted(faults, done));
        // Read and write, so opening the FIFO does not wait for LazyFS; LazyFS's own open of it then
        // finds a reader at once.
        RandomAccessFile completed = new RandomAccessFile(done.toFile(), "rw");
        Process p = new ProcessBuilder(binary.toString(), mountPoint.toString(), "--config-path", conf.toString(),
                "-o", "allow_other", "-o", "modules=subdir", "-o", "subdir=" + root, "-f")
                .redirectErrorStream(true).redirectOutput(work.resolve("lazyfs.log").toFile()).start();
        LazyFs fs = new LazyFs(mountPoint, p, faults, completed);
        fs.awaitMounted(work.resolve("lazyfs.log"));
        return fs;
    }

    private static Path build(Path sources) throws Exception {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            Assumptions.abort("power-cut test skipped: no /dev/fuse here (LazyFS is a FUSE file system)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            Assumptions.abort("power-cut test skipped: mounting LazyFS with allow_other needs root");
        }
        if (!run(List.of("sh", "-c", "command -v fusermount3")).isEmpty()) {
            Assumptions.abort("power-cut test skipped: fusermount3 is missing (apt-get install fuse3)");
        }
        Path script = sources.resolve("build.sh");
        if (!Files.isExecutable(script)) {
            Assumptions.abort("power-cut test skipped: no LazyFS sources at " + sources
                    + " (set LAZYFS_SRC to the directory with its build.sh)");
        }
        Process p = new ProcessBuilder(script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (exit " + p.exitValue() + "): " + out);
        }
        Path binary = Path.of(out.lines().reduce((a, b) -> b).orElse(""));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(script + " did not print the lazyfs binary's path: " + out);
        }
        return binary;
    }

    /** LazyFS pre-allocates its cache before it mounts (a few seconds). */
    private void awaitMounted(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!mounted()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("LazyFS did not mount " + mountPoint + ":\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    private boolean mounted() throws IOException {
        String target = mountPoint.toAbsolutePath().toString();
        return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(l -> l.split(" ")[1].equals(target));
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /** Throws away every write not yet fsynced, and returns once LazyFS says it has. */
    public void clearCache() throws IOException, InterruptedException {
        answers.clear();
        Files.writeString(faults, CLEAR);
        String line = answers.poll(60, TimeUnit.SECONDS);
        if (line == null || !line.startsWith(CLEARED)) {
            throw new IOException("LazyFS answered " + line + " to clear-cache (alive: " + process.isAlive() + ")");
        }
    }

    /** Unmounts and stops LazyFS. */
    @Override
    public void close() throws Exception {
        try {
            if (mounted()) {
                String out = run(List.of("fusermount3", "-u", mountPoint.toString()));
                if (!out.isEmpty()) {
                    run(List.of("fusermount3", "-uz", mountPoint.toString()));
                }
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            completed.close();
        }
    }

    /** @return "" on success, else what the command said */
    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + ": timed out";
        }
        return p.exitValue() == 0 ? "" : String.join(" ", cmd) + ": " + out;
    }
}
