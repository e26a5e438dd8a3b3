package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's two connections to its H2 file, one for the writer thread and one for the publisher
 * thread, closed and reopened together: after a failed write (H2 closes the whole database when a
 * write fails, e.g. on a full disk) and to compact the file. The publisher reads only through
 * {@link #read}, under a lock, so the writer never closes a connection in the middle of a read.
 * <p>
 * Threads: {@link #writer}, {@link #closeConnections}, {@link #reopen}, {@link #compact},
 * {@link #setUsable} belong to the writer thread (or the opening / closing thread before it starts
 * and after it stopped); {@link #read} to the publisher thread; {@link #usable} to any thread. All
 * but {@code usable} block on the disk.
 */
final class OutboxDatabase {
    private static final Logger log = LoggerFactory.getLogger(OutboxDatabase.class);

    private final H2Files files;
    private final ReentrantLock readLock = new ReentrantLock();
    private OutboxStore writer;
    private OutboxStore reader;
    /** False while the store failed and is not yet recovered: the outbox then works from memory. */
    private volatile boolean usable;

    OutboxDatabase(H2Files files, Connection writerConnection) throws SQLException, IOException {
        this.files = files;
        this.writer = new OutboxStore(writerConnection);
        this.reader = new OutboxStore(files.connect());
        this.usable = true;
    }

    /** A read on the publisher's connection; throws if the store is unusable right now. */
    interface Read<T> {
        T apply(OutboxStore store) throws SQLException;
    }

    <T> T read(Read<T> read) throws SQLException {
        readLock.lock();
        try {
            if (!usable || reader == null) {
                throw new SQLException("the outbox store is unusable");
            }
            return read.apply(reader);
        } finally {
            readLock.unlock();
        }
    }

    OutboxStore writer() throws SQLException {
        if (writer == null) {
            throw new SQLException("the outbox store is closed");
        }
        return writer;
    }

    boolean usable() {
        return usable;
    }

    /** Writer thread: rows may be read from the store again (after a recovery committed). */
    void setUsable() {
        usable = true;
    }

    Path dataFile() {
        return files.dataFile();
    }

    long fileSize() throws IOException {
        return Files.size(files.dataFile());
    }

    /** Writer thread, after a failure: the store is unusable until {@link #reopen} and {@link #setUsable}. */
    void closeConnections() {
        readLock.lock();
        try {
            usable = false;
            closeQuietly(reader);
            closeQuietly(writer);
            reader = null;
            writer = null;
        } finally {
            readLock.unlock();
        }
    }

    /** Writer thread: new connections to the same file; the store stays unusable until {@link #setUsable}. */
    void reopen() throws SQLException, IOException {
        closeConnections();
        OutboxStore w = new OutboxStore(files.connect());
        try {
            w.createSchema();
            OutboxStore r = new OutboxStore(files.connect());
            readLock.lock();
            try {
                writer = w;
                reader = r;
            } finally {
                readLock.unlock();
            }
        } catch (SQLException | IOException e) {
            closeQuietly(w);
            throw e;
        }
    }

    /**
     * Writer thread: rewrites the file to its live data ({@code SHUTDOWN COMPACT}: H2 writes a copy,
     * then renames it over the file), forces the result to the disk and reopens. The store stays
     * usable: the publisher's reads wait for the new connection (an unusable store would make the
     * publisher move past its rows).
     *
     * @throws CompactionFailed if the compaction failed (e.g. no room for the copy) but the file was
     *                          reopened as it was
     * @throws SQLException if the file could not be reopened: the store is left closed and unusable
     */
    void compact() throws CompactionFailed, SQLException {
        readLock.lock();
        try {
            Exception failed = null;
            try {
                writer().shutdownCompact();
                forceToDisk(files.dataFile());
            } catch (SQLException | IOException e) {
                failed = e;
            }
            // SHUTDOWN closed the database, whether the compaction worked or not.
            closeQuietly(reader);
            closeQuietly(writer);
            try {
                writer = new OutboxStore(files.connect());
                reader = new OutboxStore(files.connect());
            } catch (SQLException | IOException e) {
                closeConnections();
                throw e instanceof SQLException s ? s : new SQLException("cannot reopen the outbox", e);
            }
            if (failed != null) {
                throw new CompactionFailed(failed);
            }
        } finally {
            readLock.unlock();
        }
    }

    /** The compaction failed; the store was reopened unchanged and is usable. */
    static final class CompactionFailed extends Exception {
        CompactionFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** H2 does not fsync the compacted copy before renaming it; a power cut right after would lose it. */
    private static void forceToDisk(Path file) throws IOException {
        DiskSync.file(file);
        Path dir = file.getParent();
        if (dir != null) {
            try {
                DiskSync.directory(dir);
            } catch (IOException e) {
                log.debug("cannot fsync the directory {}: {}", dir, e.toString());
            }
        }
    }

    /**
     * Closing thread: closing the last connection closes the database and writes it out.
     *
     * @return true if both connections closed without an error
     */
    boolean close() {
        readLock.lock();
        boolean closed = true;
        try {
            usable = false;
            for (OutboxStore s : new OutboxStore[] {reader, writer}) {
                try {
                    if (s != null) {
                        s.close();
                    }
                } catch (SQLException e) {
                    closed = false;
                    log.error("closing the outbox {} failed: {}", files.dataFile(), e.toString());
                }
            }
            reader = null;
            writer = null;
        } finally {
            readLock.unlock();
        }
        return closed;
    }

    private void closeQuietly(OutboxStore s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (SQLException e) {
            log.debug("closing an outbox connection to {} failed: {}", files.dataFile(), e.toString());
        }
    }
}
