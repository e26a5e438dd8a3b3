package org.iotgateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How often a thread of this JVM went to sleep: its voluntary context switches, read from
 * {@code /proc/self/task/*\/status} (Linux). A thread that polls every few milliseconds shows
 * hundreds a second, one that sleeps until there is work a handful; counting them tests that a
 * thread sleeps without timing anything.
 */
public final class ThreadSwitches {
    private ThreadSwitches() {
    }

    /** The voluntary context switches so far of the one thread named {@code name} (as /proc shows it: 15 characters). */
    public static long voluntary(String name) {
        String shown = name.length() > 15 ? name.substring(0, 15) : name;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                List<String> status;
                try {
                    status = Files.readAllLines(task.resolve("status"));
                } catch (IOException gone) {
                    continue;
                }
                if (status.get(0).equals("Name:\t" + shown)) {
                    return status.stream().filter(l -> l.startsWith("voluntary_ctxt_switches:"))
                            .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst()
                            .orElseThrow();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no thread named " + shown);
    }

    /** The voluntary context switches of thread {@code name} while {@code during} runs. */
    public static long during(String name, Runnable during) {
        long before = voluntary(name);
        during.run();
        return voluntary(name) - before;
    }

    /** {@link Thread#sleep}, for {@link #during}. */
    public static Runnable sleeping(long millis) {
        return () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
