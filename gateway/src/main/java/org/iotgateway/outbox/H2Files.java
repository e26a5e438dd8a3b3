package org.iotgateway.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the outbox's H2 file lives and how it is opened. Called on the thread that opens or closes
 * the outbox; everything here blocks on the file system.
 */
final class H2Files {
    /** H2 wants a non-empty password; the file's protection is its 0600 mode and 0700 directory. */
    private static final String USER = "gateway";
    private static final String PASSWORD = "iot-gateway-outbox";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    static {
        // H2 deduplicates every string and number it is handed through a shared cache, hashing
        // each 200-byte payload on insert: about a tenth of the writer's time in the spill profile,
        // for payloads that are never equal. The outbox is this JVM's only H2 user. Must be set
        // before H2 loads its settings, i.e. before the first connection.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    private final Path base;

    /** @param path the validated config path, without {@code .mv.db} */
    H2Files(Path path) {
        this.base = path.toAbsolutePath().normalize();
    }

    Path base() {
        return base;
    }

    Path dataFile() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * The URL is built from the validated path only: no option taken from configuration text can
     * reach it (CVE-2022-23221 needs {@code ;INIT=}). Trace goes to SLF4J rather than a .trace.db file.
     */
    String url() {
        return "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4";
    }

    /** Creates the parent directory (0700 when we create it) and opens a connection. */
    Connection connect() throws SQLException, IOException {
        Path dir = base.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            setMode(dir, "rwx------");
        }
        Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
        if (Files.exists(dataFile())) {
            setMode(dataFile(), "rw-------");
        }
        return c;
    }

    /**
     * Moves an unreadable file aside (kept for forensics) so a fresh one can be created.
     *
     * @return where it went
     */
    Path moveAside() throws IOException {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path target = dataFile().resolveSibling(dataFile().getFileName() + ".corrupt-" + stamp);
        return Files.move(dataFile(), target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Best effort: not every file system (FAT on an SD card's boot partition) has POSIX modes. */
    private static void setMode(Path p, String mode) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException | IOException e) {
            // Nothing better to do; the directory's mode is the main protection.
        }
    }
}
