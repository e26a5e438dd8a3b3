package org.iotgateway.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Reloads the config on SIGHUP ({@code systemctl reload}): loads and validates what a start would
 * run now ({@link Source}: the config file, or a pushed config in force) with the same
 * {@link ConfigLoader} as start-up, applies it with {@link Gateway#reload}, and reports the outcome
 * in the log and in the status message ({@code "config"} hash, {@code "reload"} section). An invalid
 * or refused config leaves the gateway running on the previous one.
 *
 * <p>Threads: the JVM runs each signal's handler on a thread of its own; {@link #request} only
 * queues the reload for this class's single "config-reload" thread, so reloads never overlap, and
 * signals that arrive while one is queued fold into it. Other config work (pushed configs) runs on
 * the same thread through {@link #execute}, so it never overlaps a reload either. Work queued during
 * start-up waits for {@link #attach}.
 */
public final class Reloader {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    /** What a reload reads. */
    public interface Source {
        /** The config thread: the config a start would run now; may read files. */
        Next next() throws ConfigException, java.io.IOException;
    }

    /**
     * A config to apply.
     *
     * @param file the file it was read from, for the log
     * @param onApplied runs on the config thread once it is applied
     */
    public record Next(ConfigLoader.Loaded loaded, Path file, Runnable onApplied) {
    }

    private final Source source;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "config-reload");
        t.setDaemon(true);
        return t;
    });
    private volatile Gateway gateway;

    private Reloader(Source source) {
        this.source = source;
    }

    /** The config file alone. */
    public static Source file(Path file) {
        return () -> new Next(new ConfigLoader().loadFile(file), file, () -> { });
    }

    /**
     * Installs the SIGHUP handler, replacing the JVM's default (which stops the JVM like SIGTERM).
     * {@code sun.misc.Signal} is JDK-internal (module jdk.unsupported) but has been stable for
     * decades and is kept on purpose in OpenJDK 17 for this use; there is no public API for it.
     * Without it (a JVM run with -Xrs) SIGHUP stops the gateway gracefully, as before.
     */
    public static Reloader onSighup(Source source) {
        Reloader r = new Reloader(source);
        try {
            if (Signal.handle(new Signal("HUP"), s -> r.request()) == sun.misc.SignalHandler.SIG_IGN) {
                // The JVM leaves a signal ignored at start ignored (nohup, some supervisors): no handler.
                LOG.warn("SIGHUP is ignored in this process (started under nohup, or by a parent that ignores"
                        + " it): a changed config needs a restart, a reload signal does nothing");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("cannot handle SIGHUP ({}): reloading the config needs a restart", e.getMessage());
        }
        return r;
    }

    /** Start-up thread: the gateway is running (or null: it failed to start); queued reloads proceed. */
    public void attach(Gateway g) {
        gateway = g;
        attached.countDown();
    }

    /**
     * Any thread, non-blocking: runs {@code task} on the config thread once the gateway is attached
     * (never if it failed to start), after the work queued before it.
     */
    public void execute(Runnable task) {
        worker.execute(() -> {
            try {
                attached.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (gateway != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("config work failed", e);
                }
            }
        });
    }

    /** Any thread, non-blocking: queues one reload unless one is queued already. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::run);
        }
    }

    private void run() {
        try {
            attached.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // From here a new signal queues another reload: the file may change again while this one reads it.
        pending.set(false);
        Gateway g = gateway;
        if (g != null) {
            reload(g);
        }
    }

    private void reload(Gateway g) {
        Path file = null;
        try {
            Next next = source.next();
            file = next.file();
            LOG.info("SIGHUP: reloading {}", file);
            String what = g.reload(next.loaded().config(), next.loaded().sha256());
            next.onApplied().run();
            LOG.info("reload of {} applied: {}", file, what);
        } catch (ConfigException e) {
            for (Problem p : e.problems()) {
                LOG.error("reload refused, still running the previous config: {}", p);
            }
            g.reloadFailed(String.join("; ", e.problems().stream().map(Problem::toString).toList()));
        } catch (ReloadRefused e) {
            LOG.error("reload of {} refused, still running the previous config: {}", file, e.getMessage());
            g.reloadFailed(e.getMessage());
        } catch (java.io.IOException | org.iotgateway.util.SetupException e) {
            LOG.error("reload refused, still running the previous config: {}", e.getMessage());
            g.reloadFailed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("reload of {} failed while it was being applied", file, e);
            g.reloadFailed("failed while being applied: " + e);
        }
    }
}
