package org.iotgateway.remote;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.iotgateway.app.Gateway;
import org.iotgateway.config.RemoteConfigSettings;
import org.iotgateway.util.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says what became of each pushed config: the result message on the result topic, the log (refusals
 * rate-limited: garbage from the broker must not flood it) and the status message's last outcome.
 * The config thread.
 */
final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteConfigAgent.class);
    private static final long WAIT_MILLIS = 3_000;

    private final RemoteStatus status;
    private final Supplier<Gateway> gateway;
    private final Supplier<InForce> running;
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, 60_000);
    /** The running config's result topic, or the last one while remote-config is off (a push just turned it off). */
    private volatile String resultTopic;

    Answers(RemoteStatus status, Supplier<Gateway> gateway, Supplier<InForce> running) {
        this.status = status;
        this.gateway = gateway;
        this.running = running;
    }

    void refused(Envelope e, Refused r) {
        status.refused(r.reason());
        Long version = e == null ? null : e.version();
        refusals.warn(r.reason().wire(), "pushed config{} refused ({}): {}{}", version == null ? "" : " version " + version,
                r.reason().wire(), r.getMessage(), r.problems().isEmpty() ? "" : "\n  " + String.join("\n  ", r.problems()));
        status.last(new RemoteStatus.Last(version == null ? 0 : version, ResultMessage.REFUSED, r.reason().wire(),
                r.getMessage(), Instant.now()));
        publish(version, ResultMessage.REFUSED, r.reason(), r.getMessage(), r.problems(), false);
    }

    /** An outcome: also the status message's last one unless it is only {@code accepted}. */
    CompletableFuture<Void> outcome(long version, String result, String detail, boolean restart) {
        if (!result.equals(ResultMessage.ACCEPTED)) {
            status.last(new RemoteStatus.Last(version, result, null, detail, Instant.now()));
        }
        return publish(version, result, null, detail, List.of(), restart);
    }

    /** The outcome of a version decided before, answered again (a replayed retained message). */
    void again(long version, String result, String detail) {
        publish(version, result, null, detail, List.of(), false);
    }

    private CompletableFuture<Void> publish(Long version, String result, RefusalReason reason, String detail,
                                            List<String> problems, boolean restart) {
        Gateway g = gateway.get();
        InForce now = running.get();
        String topic = resultTopic(now);
        if (g == null || topic == null) {
            return CompletableFuture.completedFuture(null);
        }
        return g.publishEvent(topic, ResultMessage.json(id(now), version, result, reason, detail, problems, restart,
                now));
    }

    /** Waits a little for an answer to reach the broker before the process goes away. */
    static void awaitSent(CompletableFuture<Void> sent) {
        try {
            sent.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.info("the result message was not acknowledged before the restart: {}", e.toString());
        }
    }

    private String resultTopic(InForce now) {
        RemoteConfigSettings r = now.loaded().config().remoteConfig();
        if (r.enabled()) {
            resultTopic = r.resultTopicFor(now.loaded().config().mqtt().topic(), id(now));
        }
        return resultTopic;
    }

    /** The gateway id as the running config resolved it: topics and targets use nothing else. */
    static String id(InForce f) {
        return f.loaded().config().gateway().id();
    }
}
