package org.iotgateway.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The gateway's version, as the build wrote it into {@code version.properties}. Any thread. */
public final class Version {
    private static final String CURRENT = load();

    private Version() {
    }

    /** e.g. {@code 0.1.0}; {@code unknown} when run from classes the build did not filter. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/org/iotgateway/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
