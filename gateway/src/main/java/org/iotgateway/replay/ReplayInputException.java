package org.iotgateway.replay;

import java.io.IOException;

/**
 * The input cannot be replayed at all: missing or unreadable file, no header, a wrong header. The CLI
 * exits with {@link #EXIT_CODE}. Bad rows are not this: they are counted and reported, and the replay
 * goes on.
 */
public final class ReplayInputException extends IOException {
    /** The process exit code for unreadable input. */
    public static final int EXIT_CODE = 2;

    public ReplayInputException(String message) {
        super(message);
    }

    public ReplayInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
