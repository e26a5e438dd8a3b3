package org.iotgateway.config;

/** The order in which a gateway tries the brokers of {@code mqtt.broker}; in YAML: spread, listed. */
public enum BrokerOrder {
    /**
     * Nodes of one cluster: each gateway starts at its own node, derived from its client id (always
     * the same one), so a fleet spreads evenly over the nodes, and fails over to the next of its own
     * order; a lost connection is retried on the same node first.
     */
    SPREAD,
    /**
     * A primary and standbys: always start with the first, then the next on failure, and after a
     * lost connection start again from the first.
     */
    LISTED
}
