package org.iotgateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a config file that other users can read holds a secret written out literally rather
 * than through {@code ${VAR}} or a {@code *-file} key. Main thread, at load; never logs the secret.
 */
final class LiteralSecrets {
    /**
     * A holder, not a field: the first logger starts logback (some 500 classes, a tenth of a second),
     * and replay and validate load this class while reading the config without logging from it.
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(LiteralSecrets.class);
    }
    private static final List<String> SECRET_POINTERS = List.of("/mqtt/password", "/mqtt/tls/key-password");

    private LiteralSecrets() {
    }

    static void warnIfReadableByOthers(Path file, JsonNode raw) {
        List<String> literal = SECRET_POINTERS.stream()
                .filter(p -> raw.at(p).isTextual() && !raw.at(p).textValue().contains("${"))
                .map(p -> p.substring(1).replace('/', '.'))
                .toList();
        if (!literal.isEmpty() && readableByOthers(file)) {
            Log.LOG.warn("{} holds {} literally and other users can read it: chmod o-r {} (or move the secret to "
                    + "password-file / key-password-file, or ${{VAR}})", file, String.join(" and ", literal), file);
        }
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
