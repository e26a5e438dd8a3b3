package org.iotgateway.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.iotgateway.app.Gateway;
import org.iotgateway.app.ReloadRefused;
import org.iotgateway.app.Reloader;
import org.iotgateway.app.RemoteHooks;
import org.iotgateway.config.ConfigException;
import org.iotgateway.config.ConfigLoader;
import org.iotgateway.config.RemoteConfigSettings;
import org.iotgateway.util.RateLimitedLog;
import org.iotgateway.wire.StatusJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes pushed configs from the config topic and applies them like a reload: checks the envelope
 * (signature, target, version: {@link TrustedKeys}, {@link PushChecks}), validates the YAML, then
 * applies it live or, when it needs a restart, keeps it for the next start and exits with
 * {@link #EXIT_RESTART}. Every applied config is on {@link Trial} until the link proves itself; the
 * outcome goes out through {@link Answers}. It also answers the reload's question, which config a
 * start would run ({@link #next}), so SIGHUP and pushes agree.
 * <p>
 * Threads: {@link #message} on the MQTT callback thread (hands off at once; at most
 * {@value #MAX_WAITING} messages wait, more are dropped and counted); {@link #status} on the
 * publisher's supervisor thread; the rest on the config thread, the reloader's, so a pushed config
 * never overlaps a SIGHUP reload.
 */
public final class RemoteConfigAgent implements RemoteHooks {
    /** Exit status that asks the service manager for a restart (EX_TEMPFAIL); the unit restarts on it. */
    public static final int EXIT_RESTART = 75;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConfigAgent.class);
    private static final int MAX_WAITING = 4;

    private final Path localFile;
    private final ConfigLoader loader;
    private final RemoteStatus status = new RemoteStatus();
    private final RateLimitedLog busyLog = new RateLimitedLog(LOG, 60_000);
    private final AtomicInteger waiting = new AtomicInteger();
    private final Answers answers;
    private volatile Gateway gateway;
    private volatile Consumer<Runnable> configThread;
    private volatile Runnable restart;
    private volatile boolean stopping;
    /** Written on the config thread (and start-up); read by the status section on the supervisor thread. */
    private volatile InForce running;
    private TrustedKeys keys;

    private RemoteConfigAgent(Path localFile, ConfigLoader loader, InForce running, TrustedKeys keys) {
        this.localFile = localFile;
        this.loader = loader;
        this.running = running;
        this.keys = keys;
        this.answers = new Answers(status, () -> gateway, () -> this.running);
        status.running(running, topic());
    }

    /**
     * Start-up: the agent for the config in force (also while remote-config is off: a reload may turn it on).
     *
     * @throws org.iotgateway.util.SetupException if a trusted key cannot be read
     */
    public static RemoteConfigAgent create(Path localFile, ConfigLoader loader, InForce inForce) {
        return new RemoteConfigAgent(localFile, loader, inForce, keysFor(inForce));
    }

    /** {@link #keysFor}, or none (every pushed config refused) when a key file cannot be read any more. */
    static TrustedKeys keysOrNone(InForce f) {
        try {
            return keysFor(f);
        } catch (RuntimeException e) {
            LOG.error("pushed configs are refused until the trusted keys can be read: {}", e.getMessage());
            return null;
        }
    }

    private static TrustedKeys keysFor(InForce f) {
        RemoteConfigSettings r = f.loaded().config().remoteConfig();
        if (!r.enabled()) {
            return null;
        }
        if (!r.requireSignature()) {
            LOG.warn("remote-config.require-signature is false: anyone who may publish to the config topic can"
                    + " reconfigure this gateway (point it at another broker, say)");
        }
        return TrustedKeys.load(r.trustedKeys(), r.requireSignature());
    }

    /**
     * Start-up thread, before the gateway starts: config work goes to {@code configThread}, which runs
     * it once the gateway is attached (messages that arrive during start-up wait there too). First in
     * line: the answer of a rollback not yet reported, and the check of a trial this start began.
     *
     * @param restart ends the process with {@link #EXIT_RESTART} (a graceful stop first)
     */
    public void start(Consumer<Runnable> configThread, Runnable restart) {
        this.configThread = configThread;
        this.restart = restart;
        configThread.accept(() -> {
            RemoteStore.Stored unreported = running.unreported();
            if (unreported != null) {
                reportRollback(unreported.version(), unreported.why());
            }
            if (running.source() == InForce.Source.TRIAL) {
                new Trial(this).run(running.version(), running.fallback());
            }
        });
    }

    /** Start-up thread, once the gateway runs and before the config thread is released. */
    public void attach(Gateway g) {
        this.gateway = g;
    }

    /** Shutdown thread, before the gateway closes: no rollback or restart starts from now on. */
    public void stopping() {
        stopping = true;
    }

    /** The reloader's source: what a start would run now. Config thread; reads files. */
    public Reloader.Next next() throws ConfigException, IOException {
        InForce f = InForce.peek(localFile, loader);
        TrustedKeys k = keysFor(f);
        return new Reloader.Next(f.loaded(), f.file(), () -> runningOn(f, k));
    }

    @Override
    public void message(byte[] payload) {
        status.received.increment();
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            status.droppedBusy.increment();
            busyLog.warn("busy", "a pushed config was dropped: {} are already waiting to be applied", MAX_WAITING);
            return;
        }
        configThread.accept(() -> {
            waiting.decrementAndGet();
            handle(payload);
        });
    }

    @Override
    public void status(StatusJson j) {
        Gateway g = gateway;
        String topic = topic();
        status.write(j, topic == null || g == null ? null : g.subscriptionState(topic), g == null ? 0 : g.eventsDropped());
    }

    /** Config thread: one pushed message, from the envelope to the applied config. */
    private void handle(byte[] payload) {
        Envelope e = null;
        try {
            if (keys == null) {
                if (!settings().enabled()) {
                    status.notAddressed.increment(); // remote-config was switched off since it was queued
                    return;
                }
                throw new Refused(RefusalReason.NOT_APPLICABLE, "the trusted keys could not be read (see the log)");
            }
            e = Envelope.parse(payload);
            keys.verify(e);
            String id = Answers.id(running);
            if (!e.isFor(id)) {
                if (!settings().perGatewayTopic()) {
                    status.notAddressed.increment(); // a fleet-wide topic: the others' configs pass by
                    LOG.debug("pushed version {} is for {}, not {}", e.version(), e.targets(), id);
                    return;
                }
                throw new Refused(RefusalReason.OTHER_GATEWAY, "for " + e.targets() + ", not " + id);
            }
            if (replayed(e)) {
                return;
            }
            PushChecks.version(running.store(), e);
            ConfigLoader.Loaded next = PushChecks.config(loader, e);
            TrustedKeys nextKeys = PushChecks.applicable(settings(), next, localFile);
            List<String> restartFor = gateway.restartNeededFor(next.config());
            status.accepted.increment();
            if (restartFor.isEmpty()) {
                applyLive(e, next, nextKeys);
            } else {
                applyByRestart(e, restartFor);
            }
        } catch (Refused r) {
            answers.refused(e, r);
        }
    }

    /**
     * A version already decided, sent again: the retained message the broker replays at every
     * connect, or a second push of the same envelope. It is answered with its outcome again (running,
     * or rolled back and why) and counted as {@code replayed}, not as a new refusal.
     */
    private boolean replayed(Envelope e) {
        RemoteStore.Stored kept = running.store().versions().stream().filter(s -> s.version() == e.version())
                .findFirst().orElse(null);
        if (kept == null || !ConfigLoader.sha256(e.yaml()).equals(kept.sha256())) {
            return false;
        }
        if (running.version() == e.version() && running.source() == InForce.Source.PUSHED) {
            status.replayed.increment();
            answers.again(e.version(), ResultMessage.APPLIED, "version " + e.version() + " is running");
            return true;
        }
        if (kept.state().rolledBack()) {
            status.replayed.increment();
            LOG.info("pushed version {} again, rolled back before: {}", e.version(), kept.why());
            answers.again(e.version(), ResultMessage.ROLLED_BACK, "rolled back before: " + kept.why());
            return true;
        }
        return false;
    }

    private void applyLive(Envelope e, ConfigLoader.Loaded next, TrustedKeys nextKeys) throws Refused {
        store(e, RemoteStore.State.STARTED, "applied live, on trial");
        answers.outcome(e.version(), ResultMessage.ACCEPTED, "applying it live", false);
        InForce previous = running;
        try {
            LOG.info("pushed version {} applied live: {}", e.version(), gateway.reload(next.config(), next.sha256()));
        } catch (ReloadRefused x) {
            forget(e.version());
            throw new Refused(RefusalReason.NOT_APPLICABLE, x.getMessage());
        } catch (RuntimeException x) {
            LOG.error("pushed version {} failed while being applied; restarting on the previous config", e.version(), x);
            mark(e.version(), RemoteStore.State.ROLLED_BACK, "failed while being applied: " + x);
            restart();
            return;
        }
        runningOn(new InForce(next, versionFile(e.version()), InForce.Source.TRIAL, e.version(), "version "
                + e.version() + ", on trial", previous, null, previous.store()), nextKeys);
        new Trial(this).run(e.version(), previous);
    }

    private void applyByRestart(Envelope e, List<String> changed) throws Refused {
        String what = String.join(", ", changed) + " changed";
        store(e, RemoteStore.State.TRIAL, "needs a restart: " + what);
        Answers.awaitSent(answers.outcome(e.version(), ResultMessage.ACCEPTED, "restarting to apply it (" + what + ")",
                true));
        LOG.warn("pushed version {} needs a restart ({}): exiting with status {} for the service manager to start the"
                + " gateway again", e.version(), what, EXIT_RESTART);
        restart();
    }

    private void store(Envelope e, RemoteStore.State state, String why) throws Refused {
        try {
            running.store().add(e, state, why);
        } catch (IOException x) {
            throw new Refused(RefusalReason.CANNOT_STORE, "cannot write " + running.store().root() + ": " + x);
        }
    }

    private void forget(long version) {
        try {
            running.store().remove(version);
        } catch (IOException x) {
            LOG.warn("cannot remove version {} from {}: {}", version, running.store().root(), x.toString());
        }
    }

    // ---- for Trial, on the config thread ----

    Gateway gateway() {
        return gateway;
    }

    boolean isStopping() {
        return stopping;
    }

    Duration deadline() {
        return settings().healthDeadline();
    }

    RemoteStatus statusBoard() {
        return status;
    }

    /** {@code f} runs now (a reload or a rollback applied it). */
    void runningOn(InForce f, TrustedKeys k) {
        running = f;
        keys = k;
        status.running(f, topic());
    }

    /** The version on trial passed: it is the config in force, kept versions below it go. */
    void promoted(long version, long millis) {
        mark(version, RemoteStore.State.APPLIED, "connected and got a publish acknowledged " + millis + " ms after"
                + " it was applied");
        try {
            running.store().prune();
        } catch (IOException x) {
            LOG.warn("cannot remove old pushed configs from {}: {}", running.store().root(), x.toString());
        }
        InForce now = running;
        runningOn(new InForce(now.loaded(), versionFile(version), InForce.Source.PUSHED, version, "version " + version
                + ", applied; remote-config is on in " + localFile + ", so the pushed config runs instead of it",
                null, null, now.store()), keys);
        status.applied.increment();
        answers.outcome(version, ResultMessage.APPLIED, "connected and got a publish acknowledged after " + millis
                + " ms", false);
    }

    /** {@code version} is rolled back; the result is sent when connected, and noted once the broker has it. */
    void reportRollback(long version, String why) {
        status.rolledBack.increment();
        answers.outcome(version, ResultMessage.ROLLED_BACK, why, false).thenRun(() -> configThread.accept(
                () -> mark(version, RemoteStore.State.ROLLED_BACK_REPORTED, why)));
    }

    void mark(long version, RemoteStore.State state, String why) {
        try {
            running.store().mark(version, state, why);
        } catch (IOException x) {
            LOG.error("cannot record version {} as {} in {}: {}", version, state, running.store().root(), x.toString());
        }
    }

    /** Ends the process with {@link #EXIT_RESTART}, once. */
    void restart() {
        if (!stopping) {
            stopping = true;
            restart.run();
        }
    }

    private Path versionFile(long version) {
        return running.store().root().resolve(Long.toString(version)).resolve("config.yaml");
    }

    private RemoteConfigSettings settings() {
        return running.loaded().config().remoteConfig();
    }

    /** The topic listened on, or null while remote-config is off. */
    private String topic() {
        RemoteConfigSettings r = settings();
        return r.enabled() ? r.topicFor(running.loaded().config().mqtt().topic(), Answers.id(running)) : null;
    }
}
