package org.iotgateway.config;

import java.util.Set;

/**
 * Which values are secret: {@code password}, {@code username} and anything under {@code tls}.
 * Their text never appears in an error message; a message says "(value hidden)" instead. Pure.
 */
final class Secrets {
    private static final Set<String> KEYS = Set.of("password", "username");

    private Secrets() {
    }

    static boolean isSecret(String path) {
        return !path.isEmpty() && (KEYS.contains(Paths.last(path)) || Paths.segments(path).contains("tls"));
    }
}
