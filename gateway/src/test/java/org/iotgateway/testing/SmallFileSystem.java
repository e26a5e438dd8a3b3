package org.iotgateway.testing;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system that tests can fill up: a tmpfs of the given size, or, where tmpfs
 * cannot be mounted, a loop-mounted ext4 image. Both need root; without it the calling test is
 * skipped with the reason (an abort, never a pass). {@link #fill} writes a filler file until the
 * kernel says ENOSPC; {@link #free} deletes it.
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path dir;
    private final Path image;
    private final String kind;

    private SmallFileSystem(Path dir, Path image, String kind) {
        this.dir = dir;
        this.image = image;
        this.kind = kind;
    }

    /** Mounts {@code bytes} of file system on {@code dir} (created if missing), or aborts the test. */
    public static SmallFileSystem mount(Path dir, long bytes) throws Exception {
        Files.createDirectories(dir);
        String tmpfs = run("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0700", "tmpfs", dir.toString());
        if (tmpfs.isEmpty()) {
            return new SmallFileSystem(dir, null, "tmpfs");
        }
        return loopExt4(dir, bytes, "tmpfs: " + tmpfs + "; ");
    }

    /**
     * Mounts a loop-mounted ext4 image of {@code bytes} on {@code dir}: a real block device, whose
     * {@link #deviceBytesWritten} counts every write the file system makes (journal included), or
     * aborts the test.
     */
    public static SmallFileSystem ext4(Path dir, long bytes) throws Exception {
        Files.createDirectories(dir);
        return loopExt4(dir, bytes, "");
    }

    private static SmallFileSystem loopExt4(Path dir, long bytes, String tried) throws Exception {
        Path image = Files.createTempFile("small-fs", ".img");
        String loop = run("truncate", "-s", String.valueOf(bytes), image.toString());
        loop = loop.isEmpty() ? run("mkfs.ext4", "-q", "-F", image.toString()) : loop;
        loop = loop.isEmpty() ? run("mount", "-o", "loop", image.toString(), dir.toString()) : loop;
        if (loop.isEmpty()) {
            return new SmallFileSystem(dir, image, "ext4 loop image");
        }
        Files.deleteIfExists(image);
        Assumptions.abort("cannot mount a small file system here (needs root): " + tried + "loop: " + loop);
        return null;
    }

    /**
     * Bytes written to the loop device so far (sectors written in /sys/block/loopN/stat), after
     * flushing what the file system holds ({@code sync -f}); only for {@link #ext4}.
     */
    public long deviceBytesWritten() throws Exception {
        String flushed = run("sync", "-f", dir.toString());
        if (!flushed.isEmpty()) {
            throw new IllegalStateException(flushed);
        }
        String device = Files.readAllLines(Path.of("/proc/mounts")).stream().map(l -> l.split(" "))
                .filter(f -> f[1].equals(dir.toAbsolutePath().toString())).map(f -> f[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException(dir + " is not mounted"));
        String stat = Files.readString(Path.of("/sys/block", Path.of(device).getFileName().toString(), "stat"));
        return Long.parseLong(stat.trim().split("\\s+")[6]) * 512;
    }

    public Path dir() {
        return dir;
    }

    public String kind() {
        return kind;
    }

    /** Writes a filler file until the file system is full. @return bytes written */
    public long fill() throws IOException {
        long written = 0;
        byte[] block = new byte[4096];
        try (FileOutputStream out = new FileOutputStream(dir.resolve("filler").toFile(), true)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return written;
    }

    public void free() throws IOException {
        Files.deleteIfExists(dir.resolve("filler"));
    }

    public long available() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    @Override
    public void close() throws Exception {
        String out = run("umount", dir.toString());
        if (!out.isEmpty()) {
            out = run("umount", "-l", dir.toString());
        }
        if (image != null) {
            Files.deleteIfExists(image);
        }
        if (!out.isEmpty()) {
            throw new IllegalStateException("cannot unmount " + dir + ": " + out);
        }
    }

    /** @return "" on success, else what the command said */
    private static String run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + ": timed out";
        }
        return p.exitValue() == 0 ? "" : String.join(" ", cmd) + ": " + (out.isEmpty() ? "exit " + p.exitValue() : out);
    }
}
