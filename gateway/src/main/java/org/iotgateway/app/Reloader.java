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
 * Reloads the config file on SIGHUP ({@code systemctl reload}): loads and validates it with the
 * same {@link ConfigLoader} as start-up, applies it with {@link Gateway#reload}, and reports the
 * outcome in the log and in the status message ({@code "config"} hash, {@code "reload"} section).
 * An invalid or refused config leaves the gateway running on the previous one.
 *
 * <p>Threads: the JVM runs each signal's handler on a thread of its own; {@link #request} only
 * queues the reload for this class's single "config-reload" thread, so reloads never overlap, and
 * signals that arrive while one is queued fold into it. A reload requested during start-up waits
 * for {@link #attach}.
 */
public final class Reloader {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    private final Path file;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "config-reload");
        t.setDaemon(true);
        return t;
    });
    private volatile Gateway gateway;

    private Reloader(Path file) {
        this.file = file;
    }

    /**
     * Installs the SIGHUP handler, replacing the JVM's default (which stops the JVM like SIGTERM).
     * {@code sun.misc.Signal} is JDK-internal (module jdk.unsupported) but has been stable for
     * decades and is kept on purpose in OpenJDK 17 for this use; there is no public API for it.
     * Without it (a JVM run with -Xrs) SIGHUP stops the gateway gracefully, as before.
     */
    public static Reloader onSighup(Path file) {
        Reloader r = new Reloader(file);
        try {
            Signal.handle(new Signal("HUP"), s -> r.request());
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
        LOG.info("SIGHUP: reloading {}", file);
        try {
            ConfigLoader.Loaded next = new ConfigLoader().loadFile(file);
            LOG.info("reload of {} applied: {}", file, g.reload(next.config(), next.sha256()));
        } catch (ConfigException e) {
            for (Problem p : e.problems()) {
                LOG.error("reload refused, still running the previous config: {}", p);
            }
            g.reloadFailed(String.join("; ", e.problems().stream().map(Problem::toString).toList()));
        } catch (ReloadRefused e) {
            LOG.error("reload of {} refused, still running the previous config: {}", file, e.getMessage());
            g.reloadFailed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("reload of {} failed while it was being applied", file, e);
            g.reloadFailed("failed while being applied: " + e);
        }
    }
}
