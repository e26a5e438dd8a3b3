package org.iotgateway.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a secret from a file (a systemd credential, a 0600 file): the whole content, without one
 * trailing newline. Start-up thread. Error messages name the file, never its content.
 */
final class Secrets {
    private static final long MAX_BYTES = 64 * 1024;

    private Secrets() {
    }

    static String read(Path file, String key) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TlsSetupException(key + " " + file + ": larger than 64 kB, not a secret file");
            }
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.endsWith("\n")) {
                s = s.substring(0, s.length() - (s.endsWith("\r\n") ? 2 : 1));
            }
            if (s.isEmpty()) {
                throw new TlsSetupException(key + " " + file + ": the file is empty");
            }
            return s;
        } catch (IOException e) {
            throw new TlsSetupException(key + " " + file + ": cannot read: " + e.getClass().getSimpleName());
        }
    }
}
