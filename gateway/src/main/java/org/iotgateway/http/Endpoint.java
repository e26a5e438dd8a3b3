package org.iotgateway.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.iotgateway.util.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read-only resource of the status page at an exact path: GET and HEAD only, never cached,
 * never sniffed. The body is made per request by {@code body}. HTTP threads.
 */
final class Endpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);
    private static final RateLimitedLog ERRORS = new RateLimitedLog(LOG, 10_000);

    /** What to send: status, content type, body. */
    record Response(int status, String contentType, byte[] body) {
        static Response text(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String path;
    private final Supplier<Response> body;

    Endpoint(String path, Supplier<Response> body) {
        this.path = path;
        this.body = body;
    }

    String path() {
        return path;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            Response r;
            if (!ex.getRequestURI().getPath().equals(path)) {
                r = Response.text(404, "text/plain; charset=utf-8", "not found\n");
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                r = Response.text(405, "text/plain; charset=utf-8", "GET or HEAD only\n");
            } else {
                r = produce();
            }
            send(ex, r, method.equals("HEAD"));
        }
    }

    private Response produce() {
        try {
            return body.get();
        } catch (RuntimeException e) {
            ERRORS.warn(path, "status page: {} failed: {}", path, e.toString());
            return Response.text(500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    private static void send(HttpExchange ex, Response r, boolean head) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        if (r.contentType().startsWith("text/html")) {
            // Scripts only from this server, no framing, data only from this server.
            h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
                    + "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            h.set("Referrer-Policy", "no-referrer");
        }
        if (head) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
        }
    }
}
