package org.iotgateway.util;

/**
 * A file the config names cannot be used (a secret file, TLS material): found at start-up, after
 * the config itself was valid. The command line reports it like a config error (exit status 2). Its
 * message is for the person who configured the files and never contains their secret content.
 */
public class SetupException extends IllegalArgumentException {
    public SetupException(String message) {
        super(message);
    }
}
