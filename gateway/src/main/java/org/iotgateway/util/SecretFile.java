package org.iotgateway.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret from a file (a systemd credential, a 0600 file): the whole content, without one
 * trailing newline. Start-up thread. Error messages name the file, never its content.
 */
public final class SecretFile {
    private static final long MAX_BYTES = 64 * 1024;

    private SecretFile() {
    }

    /**
     * @param key the config key that names the file, for the message ({@code mqtt.password-file})
     * @throws SetupException if the file is missing, unreadable, empty or too large
     */
    public static String read(Path file, String key) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SetupException(key + " " + file + ": larger than 64 kB, not a secret file");
            }
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.endsWith("\n")) {
                s = s.substring(0, s.length() - (s.endsWith("\r\n") ? 2 : 1));
            }
            if (s.isEmpty()) {
                throw new SetupException(key + " " + file + ": the file is empty");
            }
            return s;
        } catch (IOException e) {
            throw new SetupException(key + " " + file + ": cannot read: " + e.getClass().getSimpleName());
        }
    }
}
