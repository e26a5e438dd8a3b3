package org.iotgateway.mqtt;

import java.util.function.Consumer;

/**
 * One connection to the broker, whatever the client library and protocol version behind it: the
 * outbox's publish loop, the supervisor and {@code check} talk to this, one adapter per library
 * ({@link PahoV5Link} for MQTT 5, {@link PahoV3Link} for 3.1.1).
 * <p>
 * Threads: {@link #connect}, {@link #subscribe} and {@link #close} are for one owning thread (the
 * supervisor, or {@code check}'s main thread); {@link #publish} for any thread, never blocking;
 * {@link #isConnected} and {@link #serverUri} for any thread. Every listener is called on the
 * library's callback thread and must only hand work off: blocking there stalls acks and pings.
 */
public interface MqttLink extends AutoCloseable {
    /** What the connection tells its owner; called on the library's callback thread. */
    interface Events {
        /** The connection ended without our asking: the broker's DISCONNECT, or the socket died. */
        void lost(ServerDisconnect why);
    }

    /** A connect attempt's outcome: exactly one of the two is called, once, on a library thread. */
    interface ConnectListener {
        void connected(BrokerLimits limits);

        void failed(Throwable cause);
    }

    /**
     * A publish's outcome: exactly one of the three is called, once, on the callback thread.
     * {@code accepted}: QoS 1 PUBACK with a success code (QoS 0: written to the socket);
     * {@code refused}: the broker answered with a reason code >= 0x80 (MQTT 5 only; the message was
     * NOT taken); {@code failed}: no answer (the connection went), so its fate is unknown.
     */
    interface Completion {
        void accepted();

        void refused(Refusal refusal);

        void failed(Throwable cause);
    }

    /** Registers the connection's event listener; call before the first connect. */
    void events(Events events);

    /**
     * Starts a connect attempt and returns at once; the outcome goes to {@code listener}.
     *
     * @param redirect a server the broker pointed us to (DISCONNECT 0x9C/0x9D), tried first this once; or null
     * @throws Exception when the attempt cannot even start (one is in progress, the client is closed)
     */
    void connect(String redirect, ConnectListener listener) throws Exception;

    /** True while a connection is up. */
    boolean isConnected();

    /** The URI of the server connected to (or last tried). */
    String serverUri();

    /** "5" or "3.1.1". */
    String protocol();

    /**
     * How many QoS 1 publishes the caller may keep in flight: {@code maxInflight} capped by the
     * broker's Receive Maximum, less what the library's own bookkeeping needs.
     */
    int window(int maxInflight, BrokerLimits limits);

    /** The size in bytes of the PUBLISH packet that {@link #publish} would send, for the broker's Maximum Packet Size. */
    long packetSize(String topic, int payloadBytes, int qos);

    /**
     * Sends a message; returns at once. The caller keeps its own window within the connection's
     * {@link BrokerLimits#receiveMaximum}.
     *
     * @throws NotSentException when it could not be handed to the client (not connected, window full)
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, Completion done) throws NotSentException;

    /**
     * Subscribes (owning thread; blocks up to {@code timeoutMillis}) and hands every message to
     * {@code sink} on the callback thread.
     *
     * @return the granted QoS, or a failure reason code >= 0x80 (e.g. 0x87 not authorized; 0x80 under 3.1.1)
     */
    int subscribe(String filter, int qos, long timeoutMillis, Consumer<byte[]> sink) throws Exception;

    /**
     * Shutdown thread: publishes {@code finalMessage} (retained, QoS 1, to {@code topic}) if
     * connected, disconnects cleanly, closes. Blocks a few seconds at most. Null topic: no message.
     */
    void shutdown(String topic, byte[] finalMessage);

    /** Closes at once, without a clean disconnect (owning thread). */
    @Override
    void close();

    /** A publish that never reached the client library. */
    final class NotSentException extends Exception {
        /** True when the connection is not up: the connection-lost event is on its way. */
        private final boolean disconnected;

        public NotSentException(String message, boolean disconnected, Throwable cause) {
            super(message, cause);
            this.disconnected = disconnected;
        }

        public boolean disconnected() {
            return disconnected;
        }
    }
}
