package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening and closing the H2 file, including the unreadable-file case. Runs on the start-up /
 * shutdown thread and blocks on the disk.
 */
final class OutboxOpener {
    private static final Logger log = LoggerFactory.getLogger(OutboxOpener.class);
    /** H2's FILE_CORRUPTED_1 and FILE_VERSION_ERROR_1: the file is unusable by this build. */
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int IO_EXCEPTION = 90028;

    private OutboxOpener() {
    }

    /**
     * Opens the file; if H2 says it is corrupt or of another format version, keeps it next to the
     * new one with a timestamp suffix and starts empty. Any other failure (locked by another
     * process, permissions) is thrown: moving a healthy file aside would lose owed data.
     */
    static Opened connectOrMoveAside(H2Files files) {
        try {
            return new Opened(files.connect(), false);
        } catch (SQLException e) {
            if (!unreadable(e)) {
                throw new OutboxException("cannot open the outbox " + files.dataFile() + ": " + e.getMessage(), e);
            }
            return moveAsideAndRetry(files, e);
        } catch (IOException e) {
            throw new OutboxException("cannot create the outbox directory for " + files.dataFile(), e);
        }
    }

    /**
     * Corrupt, of another format version, or truncated (H2 reports a file cut short as IO_EXCEPTION
     * 90028 caused by an EOFException; found by DamagedOutboxIT). Other IO errors, such as a denied
     * permission, are not the file's fault and must not move it aside.
     */
    private static boolean unreadable(SQLException e) {
        int code = e.getErrorCode();
        if (code == FILE_CORRUPTED || code == FILE_VERSION_ERROR) {
            return true;
        }
        if (code != IO_EXCEPTION) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof java.io.EOFException) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Opened moveAsideAndRetry(H2Files files, SQLException cause) {
        try {
            Path moved = files.moveAside();
            log.error("outbox {} is unreadable ({}); moved it to {} and started an EMPTY outbox", files.dataFile(),
                    cause.getMessage().lines().findFirst().orElse(""), moved);
            return new Opened(files.connect(), true);
        } catch (SQLException | IOException e) {
            e.addSuppressed(cause);
            throw new OutboxException("cannot replace the unreadable outbox " + files.dataFile(), e);
        }
    }

    /**
     * @param replaced true if an unreadable file was moved aside: the last seq is unknown, so the new
     *                 outbox must not start at 1, which subscribers deduplicating on (gateway, seq)
     *                 would discard as old (see {@code Outbox.replacedFileFloor})
     */
    record Opened(Connection connection, boolean replaced) {
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("closing the outbox connection failed: {}", e.toString());
        }
    }
}
