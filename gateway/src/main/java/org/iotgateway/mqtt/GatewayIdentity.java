package org.iotgateway.mqtt;

import java.time.Instant;
import org.iotgateway.util.Version;

/**
 * Who is publishing, as the status message's birth fields (and Home Assistant's device) show it.
 * Immutable.
 *
 * @param gateway the gateway id
 * @param version the gateway's version
 * @param configSha256 SHA-256 of the config file's bytes (hex), or null when the config did not come from a file
 * @param started when this run started, wall clock
 */
public record GatewayIdentity(String gateway, String version, String configSha256, Instant started) {
    /** Hex digits of the config hash in the status message: 64 bits tell configs apart, and fit on a line. */
    static final int SHORT_HASH = 16;

    /** This build's version, started now. */
    public static GatewayIdentity of(String gateway, String configSha256) {
        return new GatewayIdentity(gateway, Version.current(), configSha256, Instant.now());
    }

    /** The same run with another config (a reload). */
    public GatewayIdentity withConfig(String sha256) {
        return new GatewayIdentity(gateway, version, sha256, started);
    }

    /** The first 16 hex digits of the config hash ({@code sha256sum FILE | cut -c1-16}), or null. */
    public String configHash() {
        return configSha256 == null ? null : configSha256.substring(0, Math.min(SHORT_HASH, configSha256.length()));
    }
}
