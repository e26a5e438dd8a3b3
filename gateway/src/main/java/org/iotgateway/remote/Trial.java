package org.iotgateway.remote;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.iotgateway.app.Gateway;
import org.iotgateway.app.ReloadRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health check of an applied pushed config and the rollback when it fails: within
 * {@code remote-config.health-deadline} the gateway must be connected to a broker and have a publish
 * acknowledged (a status refresh is asked for at once, so an idle gateway proves itself within a
 * round trip). Otherwise it goes back to the config that ran before: live when a reload can do it,
 * else by writing the outcome and restarting (the next start runs the last good config).
 * <p>
 * Runs on the config thread and blocks it for the trial (at most the deadline, checking four times
 * a second): pushed configs and SIGHUP reloads arriving meanwhile wait for the outcome.
 */
final class Trial {
    private static final Logger LOG = LoggerFactory.getLogger(Trial.class);
    private static final long CHECK_EVERY_MILLIS = 250;

    private final RemoteConfigAgent agent;

    Trial(RemoteConfigAgent agent) {
        this.agent = agent;
    }

    /** @param previous what ran before, and runs again if the trial fails */
    void run(long version, InForce previous) {
        Gateway g = agent.gateway();
        Duration deadline = agent.deadline();
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        agent.statusBoard().trial(version, Instant.now().plus(deadline));
        BooleanSupplier probe = g.healthProbe();
        LOG.info("pushed version {} on trial: it must connect and get a publish acknowledged within {} s", version,
                deadline.toSeconds());
        try {
            while (!probe.getAsBoolean()) {
                if (agent.isStopping()) {
                    return; // the trial ends unproven: the next start rolls it back
                }
                if (System.nanoTime() - end >= 0) {
                    rollBack(g, version, previous, "no publish was acknowledged within " + deadline.toSeconds()
                            + " s (remote-config.health-deadline) after version " + version + " was applied");
                    return;
                }
                Thread.sleep(CHECK_EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            agent.statusBoard().trialOver();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("pushed version {} passed its health check after {} ms: it is now the config in force", version, millis);
        agent.promoted(version, millis);
    }

    private void rollBack(Gateway g, long version, InForce previous, String why) {
        LOG.error("rolling back pushed version {}: {}; back to {}", version, why, previous.file());
        agent.mark(version, RemoteStore.State.ROLLED_BACK, why);
        List<String> restart = g.restartNeededFor(previous.loaded().config());
        if (!restart.isEmpty()) {
            LOG.warn("going back needs a restart ({} changed): exiting with status {}", restart,
                    RemoteConfigAgent.EXIT_RESTART);
            agent.restart();
            return;
        }
        try {
            g.reload(previous.loaded().config(), previous.loaded().sha256());
        } catch (ReloadRefused | RuntimeException e) {
            LOG.error("going back live failed ({}): restarting on the previous config", e.getMessage());
            agent.restart();
            return;
        }
        agent.runningOn(previous, RemoteConfigAgent.keysOrNone(previous));
        agent.reportRollback(version, why);
    }
}
