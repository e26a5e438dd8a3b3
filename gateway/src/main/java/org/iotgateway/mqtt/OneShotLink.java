package org.iotgateway.mqtt;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iotgateway.config.MqttConfig;

/**
 * One connection made the way the gateway makes it (same version, credentials, TLS), once, without
 * retries and without a last will: for {@code check} and the start-up topic check. The calling
 * thread owns it; {@link #open} blocks up to its timeout.
 */
public final class OneShotLink implements AutoCloseable {
    private final ScheduledExecutorService pool;
    private final MqttLink link;
    private final Throwable failure;
    private final BrokerLimits limits;

    private OneShotLink(ScheduledExecutorService pool, MqttLink link, Throwable failure, BrokerLimits limits) {
        this.pool = pool;
        this.link = link;
        this.failure = failure;
        this.limits = limits;
    }

    /**
     * Connects to the first of {@code cfg}'s brokers that answers.
     *
     * @throws TlsSetupException if the TLS material is unusable
     */
    public static OneShotLink open(MqttConfig cfg, String clientId, Duration timeout) throws InterruptedException {
        ScheduledExecutorService pool = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "mqtt-check");
            t.setDaemon(true);
            return t;
        });
        MqttLink link;
        try {
            link = MqttOptions.link(cfg, clientId, null, null, pool);
        } catch (GeneralSecurityException e) {
            pool.shutdownNow();
            throw new TlsSetupException("mqtt.tls: cannot set up TLS: " + e.getMessage());
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        CompletableFuture<BrokerLimits> result = new CompletableFuture<>();
        Throwable failure = null;
        try {
            link.connect(null, new MqttLink.ConnectListener() {
                @Override
                public void connected(BrokerLimits l) {
                    result.complete(l);
                }

                @Override
                public void failed(Throwable cause) {
                    result.completeExceptionally(cause);
                }
            });
            return new OneShotLink(pool, link, null, result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = new TimeoutException("no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            link.close();
            pool.shutdownNow();
            throw e;
        } catch (Exception e) {
            failure = e;
        }
        return new OneShotLink(pool, link, failure, null);
    }

    /** Null when connected, else why not. */
    public Throwable failure() {
        return failure;
    }

    /** The CONNACK's limits; null when not connected. */
    public BrokerLimits limits() {
        return limits;
    }

    public MqttLink link() {
        return link;
    }

    @Override
    public void close() {
        link.shutdown(null, null);
        pool.shutdownNow();
    }
}
