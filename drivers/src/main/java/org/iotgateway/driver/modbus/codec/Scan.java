package org.iotgateway.driver.modbus.codec;

/** What the bytes received so far hold, as the reply to one request. */
public sealed interface Scan {

    /** More bytes may still complete the reply. */
    record Pending() implements Scan {
    }

    /**
     * The reply, in bytes {@code [start, end)}; RTU bytes outside that range are noise on the line
     * (TCP ones are replies to earlier requests).
     */
    record Found(Reply reply, int start, int end) implements Scan {
    }

    /**
     * Nothing that was received can become the reply, for {@code reason}: {@code crc},
     * {@code wrong-unit} or {@code bad-frame}. {@code streamLost}: the TCP stream cannot be framed
     * any more (a bad MBAP header), so the connection must be opened again.
     */
    record Failed(String reason, String detail, boolean streamLost) implements Scan {
    }

    /** Only bytes that are no reply at all (RTU line noise); the reply may still follow. */
    record Noise() implements Scan {
    }

    Scan PENDING = new Pending();
    Scan NOISE = new Noise();
}
