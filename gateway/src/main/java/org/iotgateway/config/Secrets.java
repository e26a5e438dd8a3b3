package org.iotgateway.config;

import java.util.Set;

/**
 * Which values are secret: {@code password}, {@code username}, anything under {@code tls}, and
 * anything nested below those (a password mistakenly written as a list is still a password).
 * Their text never appears in an error message; a message says "(value hidden)" instead. Pure.
 */
final class Secrets {
    private static final Set<String> KEYS = Set.of("password", "username", "tls");

    private Secrets() {
    }

    static boolean isSecret(String path) {
        return !path.isEmpty() && Paths.segments(path).stream().anyMatch(KEYS::contains);
    }
}
