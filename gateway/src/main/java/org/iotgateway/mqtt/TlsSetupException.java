package org.iotgateway.mqtt;

/**
 * TLS material that cannot be used (unreadable, malformed, a key that does not match its
 * certificate). Raised at start-up; its message is for the person who configured the files and
 * never contains key material or passphrases.
 */
public final class TlsSetupException extends IllegalArgumentException {
    public TlsSetupException(String message) {
        super(message);
    }
}
