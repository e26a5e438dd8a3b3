package org.iotgateway.outbox;

/** The outbox's file could not be opened or closed. */
public class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
