package org.iotgateway.config;

/**
 * One thing wrong with a config file, printed as {@code FILE:LINE:COL: message} so editors and
 * terminals can jump to it. Immutable; safe to share between threads.
 *
 * @param file the path as the user gave it (not made absolute: the message should echo what they typed)
 * @param line 1-based line, or 0 when the problem concerns the whole file (then only {@code FILE: message})
 * @param col 1-based column, or 0 together with {@code line}
 * @param message what is wrong, phrased for the person editing the YAML; never contains secret values
 */
public record Problem(String file, int line, int col, String message) {

    /** A problem that has no position, such as an unreadable file. */
    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, 0, message);
    }

    @Override
    public String toString() {
        return line <= 0 ? file + ": " + message : file + ":" + line + ":" + col + ": " + message;
    }
}
