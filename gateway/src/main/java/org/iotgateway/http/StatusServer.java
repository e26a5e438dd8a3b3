package org.iotgateway.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotgateway.config.HttpConfig;
import org.iotgateway.config.ListenAddress;
import org.iotgateway.http.Endpoint.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local status page: {@code /} (the page and its {@code /status.js}), {@code /status.json},
 * {@code /history.json}, {@code /metrics} and {@code /health}, on the JDK's HTTP server with two
 * daemon threads. Read-only: nothing here changes the gateway. {@link #start} and {@link #close}
 * are for the start-up / shutdown thread.
 */
public final class StatusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final ExecutorService threads;

    private StatusServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Binds and starts serving.
     *
     * @param auth basic auth for every endpoint, or null for none (loopback only, enforced by the config)
     * @throws UncheckedIOException if the address cannot be bound (in use, not this machine's)
     */
    public static StatusServer start(HttpConfig cfg, BasicAuth auth, StatusSource src, History history) {
        ListenAddress at = cfg.address();
        // A client that sends half a request would hold a thread for good; the JDK server can time it out.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "30"));
        // The timer that enforces them wakes every second by default; for 30 s limits every 5 s will do.
        System.setProperty("sun.net.httpserver.timerMillis", System.getProperty("sun.net.httpserver.timerMillis", "5000"));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(at.address(), at.port()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + at + ": " + e.getMessage(), e);
        }
        HealthCheck health = new HealthCheck(src, System::nanoTime);
        GatewayMeters meters = new GatewayMeters(src, health);
        for (Endpoint e : endpoints(src, history, health, meters)) {
            HttpContext ctx = server.createContext(e.path(), e);
            if (auth != null) {
                ctx.setAuthenticator(auth);
            }
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-status-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.start();
        LOG.info("status page on http://{}/ ({})", hostPort(server, at), auth == null ? "no password: this machine only"
                : "basic auth");
        return new StatusServer(server, threads);
    }

    private static List<Endpoint> endpoints(StatusSource src, History history, HealthCheck health, GatewayMeters meters) {
        Response page = resource("status.html", "text/html; charset=utf-8");
        Response script = resource("status.js", "text/javascript; charset=utf-8");
        return List.of(
                new Endpoint("/", () -> page),
                new Endpoint("/status.js", () -> script),
                new Endpoint("/status.json", () -> Response.text(200, JSON,
                        StatusDocument.status(src, history, health.check(), System.currentTimeMillis()))),
                new Endpoint("/history.json", () -> Response.text(200, JSON,
                        StatusDocument.history(src, history, System.currentTimeMillis()))),
                new Endpoint("/metrics", () -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8",
                        meters.scrape())),
                new Endpoint("/health", () -> {
                    HealthCheck.Verdict v = health.check();
                    return Response.text(v.healthy() ? 200 : 503, TEXT, v.reason() + "\n");
                }));
    }

    private static Response resource(String name, String type) {
        try (InputStream in = StatusServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new Response(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostPort(HttpServer server, ListenAddress at) {
        return new ListenAddress(at.address(), server.getAddress().getPort()).toString();
    }

    /** The port actually bound (the configured one, or the one picked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops answering at once (requests in progress are cut off) and ends the threads. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
