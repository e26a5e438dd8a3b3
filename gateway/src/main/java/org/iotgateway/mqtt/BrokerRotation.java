package org.iotgateway.mqtt;

import java.util.List;

/**
 * Which broker the next connect attempt goes to: one URI per attempt, chosen here rather than by
 * the client library (Paho walks its list from the first URI on every connect). It starts at the
 * first of its {@link BrokerRanking}; a failed attempt moves to the next, wrapping around; a lost
 * connection is retried on the same node first (a blip must not move a fleet off its nodes), except
 * in {@code listed} order, which always starts again from the first (the primary). A server
 * reference (DISCONNECT 0x9C/0x9D) is tried next, once, and kept while it works.
 * <p>
 * A failover is a connection to another node than the previous connection's (or, for the first
 * connection, than the first of the order). Supervisor thread only, except the readers, which any
 * thread may call.
 */
final class BrokerRotation {
    private final List<String> order;
    private final boolean backToFirst;
    private int index;
    private String next;
    private volatile String connected;
    private volatile long failovers;

    /** @param backToFirst after a lost connection start again from the first of {@code order} */
    BrokerRotation(List<String> order, boolean backToFirst) {
        if (order.isEmpty()) {
            throw new IllegalArgumentException("no broker");
        }
        this.order = List.copyOf(order);
        this.backToFirst = backToFirst;
        this.next = this.order.get(0);
    }

    /** The URI the next attempt goes to. */
    String next() {
        return next;
    }

    /** The attempt to {@link #next} failed: on to the following node (a failed redirect: back to the list). */
    void failed() {
        if (next.equals(order.get(index))) {
            index = (index + 1) % order.size();
        }
        next = order.get(index);
    }

    /** The attempt to {@link #next} succeeded. */
    void connected() {
        String previous = connected == null ? order.get(0) : connected;
        if (!next.equals(previous)) {
            failovers++;
        }
        connected = next;
    }

    /** The connection ended; {@code redirect}: where the broker told us to go, or null. */
    void lost(String redirect) {
        if (redirect != null) {
            next = redirect;
        } else if (backToFirst) {
            index = 0;
            next = order.get(0);
        }
    }

    /** The first of the order: where this gateway starts. */
    String home() {
        return order.get(0);
    }

    /** The node of the current or last connection, or null before the first. */
    String current() {
        return connected;
    }

    long failovers() {
        return failovers;
    }
}
