package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * fsync for what H2 does not sync itself: a file it rewrote, and a directory whose entries
 * changed. Creating or removing a file is durable on a real disk only once its directory is
 * fsynced (Linux: fsync on the directory's descriptor). Blocks on the disk; any thread.
 */
final class DiskSync {
    private DiskSync() {
    }

    /** Forces the file's data and metadata to the disk. */
    static void file(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /** Forces the directory's entries (files created, removed, renamed in it) to the disk. */
    static void directory(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
