package org.iotgateway.mqtt;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.iotgateway.util.Backoff;

/**
 * Keeps the client connected: connects, and after a failure or a lost connection retries with
 * exponential backoff and full jitter, the FIRST connect included (Paho's automatic reconnect never
 * retries a failed first connect, #825). The first connect may wait a random time first, so gateways
 * that power up together do not connect in one burst. All its work runs on its own single scheduler
 * thread; Paho's callbacks only hand over to it, so nothing blocks the MQTT callback thread.
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

        /**
         * The attempt outlived its timeout: end it, so the client can make the next one (Paho waits for
         * a CONNACK forever, paho.mqtt.java#511, and refuses every later connect meanwhile). Its late
         * callbacks are ignored. Supervisor thread; may block briefly.
         */
        default void abandon() {
        }
    }

    private final Attempt connect;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    // Up to 0.5 s, the ceiling doubling to 30 s, full jitter: a fleet must not reconnect to a restarted
    // broker in lockstep, and the survivors of a crashed node get its gateways spread over the interval.
    private final Backoff backoff = Backoff.fullJitter(Duration.ofMillis(500), Duration.ofSeconds(30));
    private final long firstDelayMillis;
    private final long attemptTimeoutMillis;
    /** The current attempt's number and whether its outcome is still awaited; supervisor thread only. */
    private long attempts;
    private boolean pending;
    /**
     * The one attempt scheduled to come; supervisor thread only. A second retry chain must never start:
     * a connect abandoned by the watchdog just as its CONNACK came in is also reported lost, and two
     * chains make Paho refuse one attempt ("connect in progress"), whose failure would shadow the
     * other's success for good.
     */
    private ScheduledFuture<?> next;
    private volatile boolean stopped;

    /** @param scheduler a single thread of its own: every attempt and every listener call runs on it */
    public ReconnectSupervisor(Attempt connect, ScheduledExecutorService scheduler, Listener listener) {
        this(connect, scheduler, listener, Duration.ZERO, Duration.ZERO);
    }

    /**
     * @param firstDelay the first attempt waits a random time between 0 and this
     * @param attemptTimeout an attempt without an outcome after this long is abandoned and counts as
     *        failed (zero: never)
     */
    public ReconnectSupervisor(Attempt connect, ScheduledExecutorService scheduler, Listener listener,
                               Duration firstDelay, Duration attemptTimeout) {
        this.connect = connect;
        this.scheduler = scheduler;
        this.listener = listener;
        this.firstDelayMillis = firstDelay.toMillis();
        this.attemptTimeoutMillis = attemptTimeout.toMillis();
    }

    /** Any thread: the first attempt runs at once, or after the random first delay. */
    public void start() {
        long delay = firstDelayMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(firstDelayMillis + 1);
        scheduler.execute(() -> retryAfter(delay));
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
        connectionLost(minDelayMillis, fresh, -1);
    }

    /**
     * As {@link #connectionLost(long, boolean)}, but with {@code probeMillis} >= 0 the first attempt
     * comes after at most that (drawn from [0, probeMillis]) while the backoff keeps its size for the
     * attempts after it: a broker that restarted is still down then, so the attempt fails, and only a
     * broker that is up and closed us anyway (a twin) is reconnected at once.
     */
    public void connectionLost(long minDelayMillis, boolean fresh, long probeMillis) {
        if (!stopped) {
            scheduler.execute(() -> {
                if (fresh) {
                    backoff.reset();
                }
                long delay = probeMillis >= 0 ? ThreadLocalRandom.current().nextLong(probeMillis + 1)
                        : backoff.nextMillis();
                retryAfter(Math.max(minDelayMillis, delay));
            });
        }
    }

    /** Any thread: no attempt starts after this returns (one in progress may still complete). */
    public void stop() {
        stopped = true;
    }

    private void attempt() {
        if (stopped || pending) {
            return; // the pending attempt's outcome schedules the next one
        }
        long id = ++attempts;
        pending = true;
        if (attemptTimeoutMillis > 0) {
            scheduler.schedule(() -> timedOut(id), attemptTimeoutMillis, TimeUnit.MILLISECONDS);
        }
        try {
            connect.start(() -> scheduler.execute(() -> onConnected(id)),
                    cause -> scheduler.execute(() -> onFailed(id, cause)));
        } catch (Exception e) {
            onFailed(id, e);
        }
    }

    /** True once, for the current attempt's first outcome; a stale or second one is ignored. */
    private boolean outcome(long id) {
        if (id != attempts || !pending) {
            return false;
        }
        pending = false;
        return true;
    }

    private void timedOut(long id) {
        if (outcome(id) && !stopped) {
            connect.abandon();
            failed(new TimeoutException("no answer (CONNACK) within " + attemptTimeoutMillis / 1000 + " s"));
        }
    }

    private void onConnected(long id) {
        if (outcome(id) && !stopped) {
            listener.connected();
        }
    }

    private void onFailed(long id, Throwable cause) {
        if (outcome(id) && !stopped) {
            failed(cause);
        }
    }

    /** The retry is scheduled first: a listener that throws must not end the reconnecting for good. */
    private void failed(Throwable cause) {
        retryLater();
        listener.connectFailed(cause);
    }

    private void retryLater() {
        retryAfter(backoff.nextMillis());
    }

    /** Supervisor thread: the next attempt comes after {@code millis}, replacing one scheduled before. */
    private void retryAfter(long millis) {
        if (!stopped) {
            if (next != null) {
                next.cancel(false);
            }
            next = scheduler.schedule(this::attempt, millis, TimeUnit.MILLISECONDS);
        }
    }
}
