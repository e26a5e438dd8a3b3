package org.iotgateway.driver.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;

/**
 * One pi4j context for the whole process, shared by the GPIO and I²C drivers and shut down when
 * the last of them closes: a context claims the GPIO chip, and two would fight over it.
 * Providers are auto-detected from the runtime classpath (gpiod, linuxfs; never mock).
 */
public final class Pi4jContexts {
    private static Context context;
    private static int users;

    private Pi4jContexts() {
    }

    public static synchronized Context acquire() {
        if (context == null) {
            context = Pi4J.newAutoContext();
        }
        users++;
        return context;
    }

    public static synchronized void release() {
        if (--users == 0 && context != null) {
            context.shutdown();
            context = null;
        }
    }
}
