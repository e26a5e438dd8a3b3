package org.iotgateway.mqtt;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.iotgateway.util.Backoff;

/**
 * Keeps the client connected: connects, and after a failure or a lost connection retries with
 * exponential backoff and jitter, the FIRST connect included (Paho's automatic reconnect never
 * retries a failed first connect, #825). All its work runs on its own single scheduler thread;
 * Paho's callbacks only hand over to it, so nothing blocks the MQTT callback thread.
 */
public final class ReconnectSupervisor {
    /** What happens on a state change; called on the supervisor thread. */
    public interface Listener {
        void connected();

        void connectFailed(Throwable cause);
    }

    /** One connect attempt of whatever client: starts it and returns; exactly one of the callbacks follows. */
    public interface Attempt {
        void start(Runnable onSuccess, Consumer<Throwable> onFailure) throws Exception;
    }

    private final Attempt connect;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    // 0.5 s doubling to 30 s, jittered: a fleet must not reconnect to a restarted broker in lockstep.
    private final Backoff backoff = Backoff.withJitter(Duration.ofMillis(500), Duration.ofSeconds(30));
    private volatile boolean stopped;

    /** @param scheduler a single thread of its own: every attempt and every listener call runs on it */
    public ReconnectSupervisor(Attempt connect, ScheduledExecutorService scheduler, Listener listener) {
        this.connect = connect;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Any thread: the first attempt runs at once. */
    public void start() {
        scheduler.execute(this::attempt);
    }

    /** Any thread, non-blocking (Paho's callback thread calls it from connectionLost). */
    public void connectionLost() {
        connectionLost(0, true);
    }

    /**
     * As {@link #connectionLost()}, but the next attempt waits at least {@code minDelayMillis} (the
     * broker said it is busy, or another client took our session over), and with {@code fresh}
     * false the backoff goes on growing from where it was instead of starting from the bottom (a
     * broker that closes every connection at once must not get a reconnect every half second).
     */
    public void connectionLost(long minDelayMillis, boolean fresh) {
        if (!stopped) {
            scheduler.execute(() -> {
                if (fresh) {
                    backoff.reset();
                }
                retryAfter(Math.max(minDelayMillis, backoff.nextMillis()));
            });
        }
    }

    /** Any thread: no attempt starts after this returns (one in progress may still complete). */
    public void stop() {
        stopped = true;
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        try {
            connect.start(() -> scheduler.execute(this::onConnected), cause -> scheduler.execute(() -> onFailed(cause)));
        } catch (Exception e) {
            onFailed(e);
        }
    }

    private void onConnected() {
        if (stopped) {
            return;
        }
        listener.connected();
    }

    private void onFailed(Throwable cause) {
        if (stopped) {
            return;
        }
        listener.connectFailed(cause);
        retryLater();
    }

    private void retryLater() {
        retryAfter(backoff.nextMillis());
    }

    private void retryAfter(long millis) {
        if (!stopped) {
            scheduler.schedule(this::attempt, millis, TimeUnit.MILLISECONDS);
        }
    }
}
