package org.iotgateway.mqtt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which one gateway tries the brokers of {@code mqtt.broker}. {@code spread} ranks
 * them by rendezvous hashing (highest random weight) of the client id and the URI: each gateway
 * gets its own order, always the same one; a fleet's first choices spread evenly over the nodes, and
 * so do the second choices of the gateways of any one node, so the gateways of a crashed node fail
 * over to all the survivors instead of all to the next one in the list. The ranks of two URIs do not
 * depend on the others, so adding or removing a node moves only the gateways whose first choice it
 * is, and the order does not depend on how the list is written. {@code listed}: the list as written
 * (a primary and its standby). Pure functions, any thread.
 */
final class BrokerRanking {
    private BrokerRanking() {
    }

    /** {@code uris} ranked for {@code clientId}: first the one to start with, then the next on failure. */
    static List<String> spread(List<String> uris, String clientId) {
        List<String> out = new ArrayList<>(uris);
        out.sort(Comparator.comparingLong((String uri) -> weight(clientId, uri)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return List.copyOf(out);
    }

    /**
     * The first 8 bytes of SHA-256(client id, NUL, URI), unsigned order kept by flipping the sign bit:
     * a stable hash that every JVM and every version of this code computes alike.
     */
    static long weight(String clientId, String uri) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(clientId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] h = sha.digest(uri.getBytes(StandardCharsets.UTF_8));
            long w = 0;
            for (int i = 0; i < 8; i++) {
                w = w << 8 | (h[i] & 0xFF);
            }
            return w ^ Long.MIN_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
