package org.iotgateway.driver.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.provider.Provider;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pi4j contexts of the process: one per provider id (gpiod-digital-input, linuxfs-i2c), shared
 * by every sensor that uses that provider, built when a sensor first needs it and shut down when
 * the last of them is closed.
 *
 * <p>One context per provider, not one for everything, because pi4j registers a provider only if
 * its {@code initialize()} succeeds and never retries it: with a single context, a GPIO chip that
 * was not usable at start (udev not done with its permissions, a chip that appears late) stayed
 * unusable until a restart. Here a provider that failed is tried again, from a new instance in a
 * new context, each time a sensor asks for it, and a context that works is never rebuilt, so the
 * sensors on it (and those on other providers) never notice.
 *
 * <p>Thread-safe; {@link ProviderLease#context()} may block for the few milliseconds a provider
 * takes to initialise (gpiod opens the chip list).
 */
public final class Pi4jProviders {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jProviders.class);
    private static final Pi4jProviders SHARED = new Pi4jProviders(new PluginScan());

    private final ProviderSource source;
    private final Map<String, Entry> entries = new HashMap<>();

    public Pi4jProviders(ProviderSource source) {
        this.source = source;
    }

    /** The process's providers, found among the pi4j plugins on the classpath. */
    public static Pi4jProviders shared() {
        return SHARED;
    }

    /** A claim on provider {@code providerId}; builds nothing yet (no I/O: drivers call it while being created). */
    public synchronized ProviderLease lease(String providerId) {
        entries.computeIfAbsent(providerId, id -> new Entry()).users++;
        return new ProviderLease(this, providerId);
    }

    /** The provider's context, built now if there is none yet or the last attempt failed. */
    synchronized Context context(String providerId) throws ProviderUnavailable {
        Entry e = entries.get(providerId);
        if (e == null) {
            throw new IllegalStateException("lease of " + providerId + " already closed");
        }
        if (e.context == null) {
            e.context = build(providerId);
            LOG.debug("pi4j provider {} ready", providerId);
        }
        return e.context;
    }

    synchronized void release(String providerId) {
        Entry e = entries.get(providerId);
        if (e == null || --e.users > 0) {
            return;
        }
        entries.remove(providerId);
        if (e.context != null) {
            shutdown(e.context);
        }
    }

    /** Whether a context for {@code providerId} is up; for tests. */
    synchronized boolean isUp(String providerId) {
        Entry e = entries.get(providerId);
        return e != null && e.context != null;
    }

    /**
     * Initialises a new provider instance ourselves first, in a scratch context: what it throws is
     * the diagnosis (pi4j would log it with a stack trace at every retry and drop it). Then pi4j
     * adds it to a context of its own, which calls {@code initialize} once more; gpiod's is a no-op
     * the second time (its chip is open), linuxfs's and the mock's only store the context.
     */
    private Context build(String providerId) throws ProviderUnavailable {
        Context scratch = Pi4J.newContextBuilder().build();
        try {
            Provider<?, ?, ?> provider = source.create(providerId, scratch);
            try {
                provider.initialize(scratch);
            } catch (Exception | LinkageError e) { // LinkageError: a native library that does not load
                throw new ProviderUnavailable(providerId, "pi4j provider " + providerId + " failed to initialise: "
                        + e, e);
            }
            Context context = Pi4J.newContextBuilder().add(provider).build();
            if (!context.providers().exists(providerId)) {
                shutdown(context);
                throw new ProviderUnavailable(providerId, "pi4j provider " + providerId
                        + " failed to initialise the second time", new IllegalStateException("see pi4j's log"));
            }
            return context;
        } finally {
            shutdown(scratch);
        }
    }

    private static void shutdown(Context context) {
        try {
            context.shutdown();
        } catch (RuntimeException e) {
            LOG.debug("pi4j context shutdown: {}", e.toString());
        }
    }

    private static final class Entry {
        int users;
        Context context;
    }
}
