package org.iotgateway.mqtt;

import org.iotgateway.util.SetupException;

/**
 * TLS material that cannot be used (unreadable, malformed, a key that does not match its
 * certificate). Raised at start-up; its message is for the person who configured the files and
 * never contains key material or passphrases.
 */
public final class TlsSetupException extends SetupException {
    public TlsSetupException(String message) {
        super(message);
    }
}
