package org.iotgateway.http;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.iotgateway.config.HttpConfig;
import org.iotgateway.util.RateLimitedLog;
import org.iotgateway.util.SecretFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP basic auth for every endpoint of the status page. The expected user and password are kept
 * as SHA-256 digests and compared with {@link MessageDigest#isEqual}, which takes the same time
 * wherever the digests differ, so response times tell an attacker nothing about how close a guess
 * was. Refused attempts are logged with the client's address, rate-limited. HTTP threads.
 */
public final class BasicAuth extends BasicAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(BasicAuth.class);
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, 10_000);
    private final byte[] user;
    private final byte[] password;

    BasicAuth(String user, String password) {
        super("iot-gateway", StandardCharsets.UTF_8);
        this.user = sha256(user);
        this.password = sha256(password);
    }

    /**
     * Start-up thread: the credentials of {@code cfg}, or null when it has none.
     *
     * @throws org.iotgateway.util.SetupException if the password file cannot be read
     */
    public static BasicAuth of(HttpConfig cfg) {
        return cfg.authenticated() ? new BasicAuth(cfg.username(), SecretFile.read(cfg.passwordFile(), "http.password-file"))
                : null;
    }

    @Override
    public boolean checkCredentials(String givenUser, String givenPassword) {
        // Both compared every time: '&' does not short-cut.
        return MessageDigest.isEqual(user, sha256(givenUser)) & MessageDigest.isEqual(password, sha256(givenPassword));
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        Result r = super.authenticate(exchange);
        if (r instanceof Failure && exchange.getRequestHeaders().containsKey("Authorization")) {
            String from = exchange.getRemoteAddress().getAddress().getHostAddress();
            refusals.warn("refused", "status page: wrong user or password from {}", from);
        }
        return r;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
