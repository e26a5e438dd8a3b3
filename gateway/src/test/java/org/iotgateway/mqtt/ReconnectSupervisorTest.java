package org.iotgateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connect attempt watchdog: a broker that never answers the CONNECT must not stall reconnecting. */
class ReconnectSupervisorTest {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    /** Never answers the first two attempts; answers later ones at once, or late when told. */
    private static final class Broker implements ReconnectSupervisor.Attempt {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        final List<Runnable> lateSuccess = new CopyOnWriteArrayList<>();

        @Override
        public void start(Runnable onSuccess, Consumer<Throwable> onFailure) {
            if (started.incrementAndGet() > 2) {
                onSuccess.run();
            } else {
                lateSuccess.add(onSuccess);
            }
        }

        @Override
        public void abandon() {
            abandoned.incrementAndGet();
        }
    }

    @Test
    void anUnansweredAttemptIsAbandonedCountedAsFailedAndTheNextOneIsMade() {
        Broker broker = new Broker();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger connected = new AtomicInteger();
        ReconnectSupervisor s = new ReconnectSupervisor(broker, thread, new ReconnectSupervisor.Listener() {
            @Override
            public void connected() {
                connected.incrementAndGet();
            }

            @Override
            public void connectFailed(Throwable cause) {
                failures.add(cause);
            }
        }, Duration.ZERO, Duration.ofMillis(200));
        s.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> connected.get() == 1);
        assertThat(broker.started).hasValue(3);
        assertThat(broker.abandoned).hasValue(2);
        assertThat(failures).hasSize(2).allMatch(f -> f instanceof TimeoutException);

        // The abandoned attempts answer after all: ignored, nothing connects twice.
        broker.lateSuccess.forEach(Runnable::run);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> connected.get() == 1);
    }

    @Test
    void aListenerThatThrowsDoesNotEndTheRetries() {
        AtomicInteger attempts = new AtomicInteger();
        ReconnectSupervisor s = new ReconnectSupervisor((ok, failed) -> {
            attempts.incrementAndGet();
            failed.accept(new IllegalStateException("refused"));
        }, thread, new ReconnectSupervisor.Listener() {
            @Override
            public void connected() {
            }

            @Override
            public void connectFailed(Throwable cause) {
                throw new IllegalStateException("a bug in the listener");
            }
        });
        s.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
        s.stop();
    }

    private static final ReconnectSupervisor.Listener QUIET = new ReconnectSupervisor.Listener() {
        @Override
        public void connected() {
        }

        @Override
        public void connectFailed(Throwable cause) {
        }
    };

    @Test
    void aLossReportedWhileAnAttemptIsPendingStartsNoSecondAttempt() throws Exception {
        // The watchdog abandons an attempt just as its CONNACK arrives: Paho reports the forced close
        // as a lost connection. A second attempt beside the pending one would be refused by Paho.
        AtomicInteger started = new AtomicInteger();
        ReconnectSupervisor s = new ReconnectSupervisor((ok, failed) -> started.incrementAndGet(), thread, QUIET);
        s.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
        s.connectionLost();
        Thread.sleep(800); // a fresh loss retries within 500 ms
        assertThat(started).hasValue(1);
    }

    @Test
    void lossesReportedInABurstLeaveOneAttemptScheduled() throws Exception {
        java.util.concurrent.ScheduledThreadPoolExecutor pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
        pool.setRemoveOnCancelPolicy(true);
        try {
            AtomicInteger started = new AtomicInteger();
            ReconnectSupervisor s = new ReconnectSupervisor((ok, failed) -> {
                started.incrementAndGet();
                failed.accept(new java.net.ConnectException("refused"));
            }, pool, QUIET);
            s.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> started.get() >= 1);
            for (int i = 0; i < 5; i++) {
                s.connectionLost(60_000, true); // each would be a retry chain of its own
            }
            pool.submit(() -> { }).get(); // the hand-offs above have run
            assertThat(pool.getQueue()).hasSize(1);
            s.stop();
        } finally {
            pool.shutdownNow();
        }
    }
}
