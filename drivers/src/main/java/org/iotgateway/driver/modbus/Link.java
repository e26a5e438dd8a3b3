package org.iotgateway.driver.modbus;

import org.iotgateway.driver.modbus.codec.ReadRequest;

/**
 * An open serial port or TCP connection that requests go out on, one at a time. Used by its
 * bus's thread only; every call may block, for at most the request's timeout plus its time on the
 * wire.
 */
interface Link extends AutoCloseable {

    /**
     * Leaves the line quiet for {@code pauseNanos} (RTU: at least 3.5 characters), sends
     * {@code request} and waits up to {@code timeoutNanos} for its reply.
     *
     * @throws LinkDown when the port or connection is gone
     */
    Exchange exchange(ReadRequest request, long timeoutNanos, long pauseNanos) throws LinkDown;

    /** Reads and drops whatever arrived since the last exchange; returns how many bytes (RTU noise, late replies). */
    int discardInput() throws LinkDown;

    /** False once the link should be opened again although nothing failed outright (a TCP stream out of step). */
    boolean usable();

    @Override
    void close();
}
