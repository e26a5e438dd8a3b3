package org.iotgateway.driver.host;

import java.util.ArrayList;
import java.util.List;

/** The words of an exception and its causes, for matching errno texts and for a last-resort message. */
public final class Failures {
    private Failures() {
    }

    /** Messages of the chain, outermost first, each once: "Failed to initialize IO x: c_gpiod_line_request failed: -1 (Device or resource busy)". */
    public static String text(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null && parts.size() < 8; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return String.join(": ", parts);
    }

    /** Whether {@code t} or one of its causes is of {@code type}. */
    public static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
