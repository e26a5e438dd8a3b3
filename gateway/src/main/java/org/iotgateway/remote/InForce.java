package org.iotgateway.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.RemoteConfigSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which config runs, and why: the local file ({@code --config}), or, while the local file has
 * {@code remote-config.enabled}, the highest applied pushed config kept in its state directory
 * ({@link RemoteStore}), or a pushed config on trial after the restart that applies it. Start-up,
 * reloads (SIGHUP) and {@code validate} ask the same question, so they agree.
 * <p>
 * The local file must be valid (its errors stop start-up as always): it says whether pushed configs
 * count and where they are. A pushed config that no longer loads (say, after an upgrade) is skipped
 * with an error and the local file runs. Immutable result; the factory methods read files.
 *
 * @param loaded the config that runs
 * @param file the file it was read from
 * @param source where it comes from
 * @param version its pushed version; 0 for the local file
 * @param why one sentence for {@code validate}, the log and the status message
 * @param fallback for a {@link Source#TRIAL}: what runs if the trial fails; else null
 * @param unreported a rolled-back version whose result message is still to be sent, or null
 * @param store the pushed configs; null while remote-config is off in the local file
 */
public record InForce(ConfigLoader.Loaded loaded, Path file, Source source, long version, String why,
                      InForce fallback, RemoteStore.Stored unreported, RemoteStore store) {
    private static final Logger LOG = LoggerFactory.getLogger(InForce.class);

    /** Where the running config comes from. */
    public enum Source {
        LOCAL("local"), PUSHED("pushed"), TRIAL("trial");

        public final String wire;

        Source(String wire) {
            this.wire = wire;
        }
    }

    /** The short hash of the running config, as in the status message. */
    public String hash() {
        return loaded.sha256().substring(0, 16);
    }

    /**
     * At start-up: a version written for a restart goes on trial (marked {@code started} first, so that
     * a crash during the trial rolls it back at the next start); one found {@code started} is rolled
     * back: the previous run ended before it proved itself.
     */
    public static InForce atStart(Path local, ConfigLoader loader) throws ConfigException, IOException {
        return resolve(local, loader, true);
    }

    /** What runs now, changing nothing: for reloads and {@code validate}. */
    public static InForce peek(Path local, ConfigLoader loader) throws ConfigException, IOException {
        return resolve(local, loader, false);
    }

    private static InForce resolve(Path local, ConfigLoader loader, boolean starting) throws ConfigException,
            IOException {
        ConfigLoader.Loaded own = loader.loadFile(local);
        RemoteConfigSettings r = own.config().remoteConfig();
        if (!r.enabled()) {
            return new InForce(own, local, Source.LOCAL, 0, "remote-config is off in " + local, null, null, null);
        }
        RemoteStore store = RemoteStore.at(r.stateDir());
        List<RemoteStore.Stored> versions;
        try {
            versions = store.versions();
        } catch (UncheckedIOException e) {
            throw new IOException("remote-config.state-dir: " + e.getMessage(), e.getCause());
        }
        RemoteStore.Stored top = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (starting && top != null && top.state() == RemoteStore.State.STARTED) {
            String why = "the gateway stopped while version " + top.version() + " was on trial, before it had connected"
                    + " and got a publish acknowledged";
            LOG.error("rolling back pushed version {}: {}", top.version(), why);
            store.mark(top.version(), RemoteStore.State.ROLLED_BACK, why);
            top = store.top().orElseThrow();
        }
        InForce base = applied(own, local, store, loader);
        RemoteStore.Stored unreported = top != null && top.state() == RemoteStore.State.ROLLED_BACK ? top : null;
        base = new InForce(base.loaded, base.file, base.source, base.version, base.why, null, unreported, store);
        if (top == null || top.state() != RemoteStore.State.TRIAL) {
            return base;
        }
        if (!starting) {
            return new InForce(base.loaded, base.file, base.source, base.version, base.why + "; version "
                    + top.version() + " waits for the restart that applies it", null, unreported, store);
        }
        try {
            ConfigLoader.Loaded trial = loader.loadFile(top.yaml());
            store.mark(top.version(), RemoteStore.State.STARTED, "on trial since this start");
            return new InForce(trial, top.yaml(), Source.TRIAL, top.version(), "version " + top.version()
                    + signer(top) + ", on trial until it connects and gets a publish acknowledged (then "
                    + base.file + " again)", base, unreported, store);
        } catch (ConfigException e) {
            String why = "version " + top.version() + " does not load: " + e.problems().get(0);
            LOG.error("rolling back pushed version {}: {}", top.version(), why);
            store.mark(top.version(), RemoteStore.State.ROLLED_BACK, why);
            return new InForce(base.loaded, base.file, base.source, base.version, base.why, null,
                    store.top().orElseThrow(), store);
        }
    }

    /** The highest applied pushed version, or the local file when there is none (or it does not load). */
    private static InForce applied(ConfigLoader.Loaded own, Path local, RemoteStore store, ConfigLoader loader)
            throws IOException {
        RemoteStore.Stored applied = store.applied().orElse(null);
        if (applied == null) {
            return new InForce(own, local, Source.LOCAL, 0, "remote-config is on in " + local
                    + " and no pushed config has been applied (" + store.root() + ")", null, null, store);
        }
        try {
            return new InForce(loader.loadFile(applied.yaml()), applied.yaml(), Source.PUSHED, applied.version(),
                    "version " + applied.version() + signer(applied) + ", applied " + applied.at()
                            + "; remote-config is on in " + local + ", so the pushed config runs instead of it",
                    null, null, store);
        } catch (ConfigException e) {
            LOG.error("pushed version {} ({}) does not load any more, running {} instead: {}", applied.version(),
                    applied.yaml(), local, e.problems().get(0));
            return new InForce(own, local, Source.LOCAL, 0, "pushed version " + applied.version()
                    + " does not load: " + e.problems().get(0), null, null, store);
        }
    }

    /** ", signed by key ID" from the kept envelope, or "" (unsigned, or unreadable). */
    private static String signer(RemoteStore.Stored s) {
        try {
            Envelope e = Envelope.parse(Files.readAllBytes(s.dir().resolve("envelope.json")));
            return e.signed() ? ", signed by key " + e.keyId() : ", unsigned";
        } catch (IOException | Refused e) {
            return "";
        }
    }
}
