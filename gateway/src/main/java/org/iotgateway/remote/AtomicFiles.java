package org.iotgateway.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that a crash or a power cut leaves either old or new, never torn: the bytes go to a
 * temporary name, are forced to the disk, the file is renamed over the old one (rename is atomic
 * on one file system), and the directory is forced too, so the rename itself survives a power cut.
 * Blocks on disk I/O; any thread.
 */
final class AtomicFiles {
    /** Where a test makes the process "die": it throws at the named step. Production uses {@link #NONE}. */
    interface CrashPoint {
        CrashPoint NONE = step -> { };

        void at(String step);
    }

    private AtomicFiles() {
    }

    /** Replaces {@code file} with {@code bytes}. */
    static void write(Path file, byte[] bytes, CrashPoint crash) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        writeSynced(tmp, bytes, crash);
        crash.at("before-rename");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        crash.at("before-directory-sync");
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Writes a new file and forces it to the disk (no rename: for files in a directory not yet in place). */
    static void writeSynced(Path file, byte[] bytes, CrashPoint crash) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            // In two halves, so a test can stop the writer in the middle of the file.
            buf.limit(bytes.length / 2);
            writeFully(ch, buf);
            crash.at("half-written");
            buf.limit(bytes.length);
            writeFully(ch, buf);
            ch.force(true);
        }
    }

    /** Renames a directory into place atomically and forces its parent. */
    static void moveDirectory(Path from, Path to, CrashPoint crash) throws IOException {
        syncDirectory(from);
        crash.at("before-rename");
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        crash.at("before-directory-sync");
        syncDirectory(to.toAbsolutePath().getParent());
    }

    /** fsync on a directory: Linux allows it through a read-only channel, and it makes renames in it durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
